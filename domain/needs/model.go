// Package needs is the needs context: calls for needs assessments (Aufruf zur Bedarfsermittlung),
// the Träger's structured needs assessments (Bedarfsanzeigen) with their internal release and
// co-signing, the coordinators' workbench (reviews, Rückfragen, bundles), the weighing (Abwägung)
// of every submission and selected consultation comment, published at once, and the measures of
// the plan with their indicator.
package needs

import (
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Errors of the needs context; codes are part of the API.
var (
	ErrInvalid          = kernel.New(kernel.KindInvalid, "validation_failed", "invalid")
	ErrCallNotFound     = kernel.New(kernel.KindNotFound, "call_not_found", "There is no such call for needs assessments.")
	ErrNotFound         = kernel.New(kernel.KindNotFound, "assessment_not_found", "There is no such needs assessment.")
	ErrItemNotFound     = kernel.New(kernel.KindNotFound, "weighing_item_not_found", "There is no such item of the weighing table.")
	ErrMeasureNotFound  = kernel.New(kernel.KindNotFound, "measure_not_found", "There is no such measure.")
	ErrQueryNotFound    = kernel.New(kernel.KindNotFound, "query_not_found", "There is no such query.")
	ErrModuleNotFound   = kernel.New(kernel.KindNotFound, "text_module_not_found", "There is no such text module.")
	ErrDeadlinePassed   = kernel.New(kernel.KindConflict, "deadline_passed", "The call's deadline has passed: submissions, withdrawals and co-signatures are closed.")
	ErrDeadlineEarlier  = kernel.New(kernel.KindInvalid, "deadline_not_later", "A call's deadline can only be extended, never brought forward.")
	ErrNotInvited       = kernel.New(kernel.KindForbidden, "not_invited", "Your organisation is not invited to this call.")
	ErrState            = kernel.New(kernel.KindConflict, "assessment_state", "The needs assessment is not in a state that allows this.")
	ErrStaleVersion     = kernel.New(kernel.KindConflict, "stale_version", "The draft was changed since you loaded it; reload it and apply your changes again.")
	ErrLeadOnly         = kernel.New(kernel.KindForbidden, "lead_only", "Only the organisation's lead may release or sign.")
	ErrAlreadyInvited   = kernel.New(kernel.KindConflict, "already_invited", "This organisation is already invited to co-sign.")
	ErrCoSignState      = kernel.New(kernel.KindConflict, "cosign_state", "The co-signature is not in a state that allows this.")
	ErrNotReviewer      = kernel.New(kernel.KindConflict, "not_a_reviewer", "The person is not a possible reviewer.")
	ErrReasonRequired   = kernel.New(kernel.KindInvalid, "reason_required", "Every weighing needs a reason.")
	ErrMeasureStatus    = kernel.New(kernel.KindConflict, "measure_status", "The measure cannot move to this status.")
	ErrAlreadyWeighed   = kernel.New(kernel.KindConflict, "already_in_weighing_table", "This comment is already in the weighing table.")
	ErrNothingToPublish = kernel.New(kernel.KindConflict, "nothing_to_publish", "No prepared decision differs from what is published.")
)

// Text limits, in characters.
const (
	MaxTitle    = kernel.MaxName
	MaxText     = 20000 // a Markdown field of an assessment: situation, offers, gap, proposed measure
	MaxGuidance = kernel.MaxIntro
	MaxReason   = 5000 // a weighing's reason, a reason for sending back, a Rückfrage and its answer
	MaxNote     = 5000 // a reviewer's comment or private note
	MaxLabel    = 100  // a target group's own label, a funding source, a time frame
	MaxList     = 50   // areas, groups, evidence, funding sources, milestones, measures per item
)

// Audience says which organisations a call invites.
type Audience string

// The audiences of a call.
const (
	AudienceProviders Audience = "providers" // every provider organisation
	AudienceInvited   Audience = "invited"   // only the invited organisations
)

// Call is a coordinator's call for needs assessments in a phase of a process.
type Call struct {
	ID          int64
	ProcessID   int64
	DistrictKey string
	PhaseID     int64 // 0: not tied to a phase
	Title       string
	Guidance    string // Markdown
	AreaIDs     []int64
	Fields      []string
	Deadline    time.Time
	Audience    Audience
	Invited     []string // organisation slugs, for AudienceInvited
	CreatedBy   int64
	CreatedAt   time.Time
}

// Open reports whether submissions are accepted at t.
func (c *Call) Open(t time.Time) bool { return t.Before(c.Deadline) }

// TargetGroup is a group of people a need concerns, from the catalogue.
type TargetGroup string

// TargetGroups is the catalogue, in the order the UI shows it; "andere" takes a label of its own.
var TargetGroups = []TargetGroup{"kinder", "jugendliche", "familien", "alleinerziehende", "aeltere", "pflegebeduerftige",
	"behinderung", "zugewanderte", "langzeitarbeitslose", "wohnungslose", "sucht", "andere"}

// TargetCount is a target group with the estimated number of people.
type TargetCount struct {
	Group  TargetGroup
	Label  string // required for "andere"
	People int
}

// Evidence is a value cited from the atlas, kept as it was when cited.
type Evidence struct {
	Indicator string
	Area      string // an atlas area key: "16051" or "16051:<code>"
	Year      int
	Value     *float64 // read by the server when the evidence is saved; nil when withheld
	Title     string   // the indicator's title, for readers
	AreaName  string
	Unit      string
}

// Proposal is the measure the organisation proposes.
type Proposal struct {
	Measure      string // Markdown
	FTE          float64
	CostsPerYear int64 // euros
	Funding      []string
	TimeFrame    string
	Indicator    string // the atlas indicator that would show the effect
}

// Priority is how urgent the organisation rates the need.
type Priority string

// The priorities.
const (
	PriorityHigh   Priority = "high"
	PriorityMedium Priority = "medium"
	PriorityLow    Priority = "low"
)

// Content is what a version of an assessment says.
type Content struct {
	Title     string
	AreaIDs   []int64
	Field     string
	Groups    []TargetCount
	Situation string // Markdown
	Evidence  []Evidence
	Offers    string // existing offers in the area, Markdown
	Gap       string // Markdown
	Proposal  Proposal
	Priority  Priority
}

// Status is where an assessment stands.
type Status string

// The statuses of an assessment.
const (
	StatusDraft     Status = "draft"             // members edit it
	StatusRequested Status = "release_requested" // a member asked the lead to release it
	StatusReleased  Status = "released"          // the lead released it (Freigabe); submit is possible
	StatusSubmitted Status = "submitted"         // locked; the coordinators see it
	StatusWithdrawn Status = "withdrawn"         // taken back before the deadline
)

// Assessment is an organisation's needs assessment in a call.
type Assessment struct {
	ID          int64
	CallID      int64
	ProcessID   int64
	DistrictKey string
	Org         string // the submitting organisation's slug
	OrgName     string
	Status      Status
	Version     int // the current version; every saved change adds one
	Content     Content
	SentBack    string // the lead's reason when a draft was sent back
	CreatedBy   int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	SubmittedAt time.Time
	CoSigners   []CoSignature
}

// Version is a stored version of an assessment's content.
type Version struct {
	AssessmentID int64
	Version      int
	Content      Content
	Status       Status // the status it was saved or locked with
	By           int64
	At           time.Time
}

// CoSignStatus is where a co-signature stands.
type CoSignStatus string

// The statuses of a co-signature.
const (
	CoSignInvited  CoSignStatus = "invited"  // the invited organisation has not answered
	CoSignPrepared CoSignStatus = "prepared" // a member prepared the signature; its lead releases it
	CoSignSigned   CoSignStatus = "cosigned" // the lead released it: the organisation co-signs
	CoSignDeclined CoSignStatus = "declined"
)

// CoSignature is another organisation's signature on an assessment (Mitzeichnung).
type CoSignature struct {
	AssessmentID int64
	Org          string
	OrgName      string
	Status       CoSignStatus
	Reason       string // why it declined, if it says
	InvitedAt    time.Time
	AnsweredBy   int64
	AnsweredAt   time.Time
}

// Review is one reviewer's assessment of a submission.
type Review struct {
	AssessmentID   int64
	ReviewerID     int64
	ReviewerName   string
	Recommendation Weighing // empty until reviewed
	Comment        string   // seen by the coordinators and the other reviewers
	Note           string   // private: seen by the reviewer only
	AssignedBy     int64
	UpdatedAt      time.Time
}

// Query is a private question of the coordinators to the submitting organisation (Rückfrage),
// with its answer.
type Query struct {
	ID           int64
	AssessmentID int64
	Question     string
	AskedBy      int64
	AskerName    string
	AskedAt      time.Time
	Answer       string
	AnsweredBy   int64
	AnswererName string
	AnsweredAt   time.Time
}

// Notice is a message in the platform to an organisation: an outcome, an invitation, a query.
type Notice struct {
	ID           int64
	Org          string
	Kind         string // "decision", "cosign_invitation", "query", "sent_back", "cosign_answer"
	AssessmentID int64
	ProcessID    int64
	Text         string
	At           time.Time
}

// TextModule is a recurring reason, kept per district for the weighing.
type TextModule struct {
	ID          int64
	DistrictKey string
	Title       string
	Body        string
	CreatedAt   time.Time
}
