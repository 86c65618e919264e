package needs

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// CallQuery selects calls: of a process, or the open ones of every district (ProcessID 0).
type CallQuery struct {
	ProcessID int64
	OpenAt    time.Time // non-zero: only calls whose deadline lies after it
}

// AssessmentQuery selects a page of assessments; every set field narrows it.
type AssessmentQuery struct {
	CallID     int64
	Org        string   // the submitting organisation
	CoSigner   string   // an organisation invited to co-sign
	Statuses   []Status // empty: every status
	AreaID     int64
	Field      string
	Group      TargetGroup
	ReviewerID int64 // only those assigned to this reviewer
	Cursor     string
	Limit      int
}

// ItemQuery selects a page of a process's weighing table.
type ItemQuery struct {
	ProcessID int64
	Published bool // only items with a published decision (what the public sees)
	AreaID    int64
	Field     string
	Value     Weighing // the published value when Published, else the working one
	Search    string   // in the summary and the submitter, case-insensitive
	Cursor    string
	Limit     int // 0: all
}

// Store keeps calls, assessments and everything around them: rows and queries, database errors
// translated into this package's errors, no rule. Called with a context from
// kernel.Transactor.InTx, every method takes part in that transaction.
type Store interface {
	InsertCall(ctx context.Context, c Call) (Call, error)
	// SaveCall writes a call's title, guidance, deadline, audience, invited organisations, areas
	// and fields.
	SaveCall(ctx context.Context, c Call) error
	Call(ctx context.Context, id int64) (Call, error) // ErrCallNotFound
	Calls(ctx context.Context, q CallQuery) ([]Call, error)

	// InsertAssessment stores a new assessment and its first version.
	InsertAssessment(ctx context.Context, a Assessment, by int64) (Assessment, error)
	// SaveAssessment writes status, content, version, sent-back reason and submission time,
	// provided the stored version is still prev (else ErrStaleVersion); when the version grew it
	// stores the new version's content too.
	SaveAssessment(ctx context.Context, a Assessment, prev int, by int64) error
	// Assessment returns one with its co-signatures (ErrNotFound).
	Assessment(ctx context.Context, id int64) (Assessment, error)
	// Assessments returns a page, newest first, with its co-signatures, and the next cursor.
	Assessments(ctx context.Context, q AssessmentQuery) ([]Assessment, string, error)
	// Versions lists a page of an assessment's versions, newest first, and the next cursor
	// (limit 0: all).
	Versions(ctx context.Context, assessmentID int64, cursor string, limit int) ([]Version, string, error)

	// InviteCoSigner adds an invitation; ErrAlreadyInvited when the organisation has one (the
	// unique key decides).
	InviteCoSigner(ctx context.Context, c CoSignature) error
	// SaveCoSignature writes a co-signature's status, reason and answer.
	SaveCoSignature(ctx context.Context, c CoSignature) error

	// SaveReview stores or replaces a reviewer's review (the assignment is a review without a
	// recommendation).
	SaveReview(ctx context.Context, r Review) error
	// DeleteReview removes an assignment.
	DeleteReview(ctx context.Context, assessmentID, reviewerID int64) error
	// Reviews lists the reviews of the assessments, by assessment.
	Reviews(ctx context.Context, assessmentIDs []int64) (map[int64][]Review, error)

	InsertQuery(ctx context.Context, q Query) (Query, error)
	// SaveQuery writes a query's answer.
	SaveQuery(ctx context.Context, q Query) error
	Query(ctx context.Context, id int64) (Query, error) // ErrQueryNotFound
	Queries(ctx context.Context, assessmentID int64) ([]Query, error)

	InsertItem(ctx context.Context, it Item) (Item, error)
	// SaveItem writes an item's summary, bundle and working decision.
	SaveItem(ctx context.Context, it Item) error
	DeleteItem(ctx context.Context, id int64) error
	Item(ctx context.Context, id int64) (Item, error) // ErrItemNotFound
	// ItemOf returns the item of an assessment or a comment (ErrItemNotFound).
	ItemOf(ctx context.Context, kind ItemKind, subjectID int64) (Item, error)
	// Items returns a page of a process's table in table order (bundles together), and the
	// next cursor.
	Items(ctx context.Context, q ItemQuery) ([]Item, string, error)
	// Publish copies every working decision of the process that differs from its published one
	// into the published one, stamped at; it returns the items it published.
	Publish(ctx context.Context, processID int64, at time.Time) ([]Item, error)

	InsertBundle(ctx context.Context, b Bundle) (Bundle, error)
	Bundles(ctx context.Context, processID int64) ([]Bundle, error)

	InsertTextModule(ctx context.Context, m TextModule) (TextModule, error)
	DeleteTextModule(ctx context.Context, id int64) error
	TextModule(ctx context.Context, id int64) (TextModule, error) // ErrModuleNotFound
	TextModules(ctx context.Context, districtKey string) ([]TextModule, error)

	InsertMeasure(ctx context.Context, m Measure) (Measure, error)
	// SaveMeasure writes every field of the measure.
	SaveMeasure(ctx context.Context, m Measure) error
	Measure(ctx context.Context, id int64) (Measure, error) // ErrMeasureNotFound
	// Measures returns a page of a process's measures, oldest first, and the next cursor
	// (limit 0: all).
	Measures(ctx context.Context, processID int64, cursor string, limit int) ([]Measure, string, error)
	// ItemsOfMeasure lists the items whose working or published decision names the measure.
	ItemsOfMeasure(ctx context.Context, measureID int64) ([]Item, error)

	AddNotice(ctx context.Context, n Notice) error
	// Notices lists the newest notices of the organisations.
	Notices(ctx context.Context, orgs []string, limit int) ([]Notice, error)
}

// RoomPrefix is the kind of a process's needs room: rooms are "needs:<process id>". Its
// audiences are the district's coordinators (moderators), each reviewer (user:<id>) and each
// organisation (org:<slug>); its events carry ids and states, never text, so that a client reads
// what it may see through the API.
const RoomPrefix = "needs"

// Room is the needs room of a process.
func Room(processID int64) string { return RoomPrefix + ":" + strconv.FormatInt(processID, 10) }

// RoomOf is the process whose needs room this is, the inverse of Room.
func RoomOf(room string) (int64, bool) {
	id, ok := strings.CutPrefix(room, RoomPrefix+":")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(id, 10, 64)
	return n, err == nil && n > 0
}
