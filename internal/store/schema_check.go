package store

import (
	"fmt"
	"slices"
	"sync"

	"gorm.io/gorm/schema"
)

// rows lists every gorm row type of the store; a new one must be added here so that its fields are
// checked against the migrated schema.
var rows = []any{&districtRow{}, &userRow{}, &organisationRow{}, &membershipRow{}, &roleGrantRow{}, &auditRow{}, &sessionRow{}, &loginStateRow{}, &socialAreaRow{}, &processRow{}, &processAreaRow{}, &phaseRow{}, &documentRow{}, &consultationRow{}, &sectionRow{}, &consultationAreaRow{}, &commentRow{}, &supportRow{}, &flagRow{}, &responseRow{}, &decisionRow{}, &outboxRow{}, &relayedRow{}, &eventRow{}, &sequenceRow{}, &idempotencyKeyRow{}, &invitationRow{},
	&atlasIndicatorRow{}, &atlasValueRow{}, &atlasBoundaryRow{}, &atlasSuppressionRow{}, &atlasCitationRow{}, &atlasImportRow{},
	&needsCallRow{}, &needsAssessmentRow{}, &needsAssessmentAreaRow{}, &needsAssessmentGroupRow{}, &needsVersionRow{}, &needsCoSignatureRow{},
	&needsReviewRow{}, &needsQueryRow{}, &needsItemRow{}, &needsItemAreaRow{}, &needsBundleRow{}, &needsTextModuleRow{}, &needsMeasureRow{}, &needsNoticeRow{}, &needsAttachmentRow{},
	&workshopRow{}, &workshopFacilitatorRow{}, &workshopAgendaRow{}, &workshopParticipantRow{}, &workshopModuleRow{}, &workshopQuestionRow{},
	&workshopVoteRow{}, &workshopAnswerRow{}, &workshopThemeRow{}, &workshopCardRow{}, &workshopDotRow{}, &workshopMessageRow{},
	&workshopDecisionRow{}, &workshopLogRow{}, &workshopMinutesRow{}, &workshopHandoffRow{}}

// SchemaMismatches lists every row-type field without a column in the migrated schema and every
// column no row type maps. The migrations own the schema; the contract suite calls this on both
// databases to keep the gorm models honest about it.
func SchemaMismatches(db *DB) ([]string, error) {
	var out []string
	for _, row := range rows {
		s, err := schema.Parse(row, &sync.Map{}, db.Gorm.NamingStrategy)
		if err != nil {
			return nil, err
		}
		cols, err := db.Gorm.Migrator().ColumnTypes(row)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Table, err)
		}
		var inDB []string
		for _, c := range cols {
			inDB = append(inDB, c.Name())
		}
		if len(inDB) == 0 {
			out = append(out, "table "+s.Table+" does not exist")
		}
		for _, f := range s.Fields {
			readOnly := !f.Creatable && !f.Updatable // joined in by queries, not a column
			if f.DBName != "" && !readOnly && !slices.Contains(inDB, f.DBName) {
				out = append(out, fmt.Sprintf("%s.%s has no column in the migrated schema", s.Table, f.DBName))
			}
		}
		for _, c := range inDB {
			if s.LookUpField(c) == nil {
				out = append(out, fmt.Sprintf("column %s.%s is not mapped by the gorm model", s.Table, c))
			}
		}
	}
	return out, nil
}
