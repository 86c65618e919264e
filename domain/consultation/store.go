package consultation

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Sort orders a comment list.
type Sort string

// Comment orders.
const (
	SortNewest    Sort = "newest"
	SortSupported Sort = "supported"
)

// CommentQuery selects a page of comments of a consultation.
type CommentQuery struct {
	ConsultationID int64
	SectionID      *int64 // nil: every section; 0: the whole plan only
	ParentID       int64  // 0: top-level comments; else the replies to that comment
	Sort           Sort
	Search         string // full text, German stemming
	ViewerID       int64  // the viewer sees their own non-public comments too
	Moderator      bool   // moderators see every comment
	Cursor         string
	Limit          int
}

// Around is what surrounds a comment for one viewer.
type Around struct {
	Replies   int
	Supported bool
	Response  *Response
}

// Response is the administration's official answer to a comment.
type Response struct {
	ID         int64
	CommentID  int64
	AuthorID   int64
	Body, HTML string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Decision is one line of the public moderation log: what was done to which comment and why,
// without personal data.
type Decision struct {
	ID        int64
	CommentID int64
	Action    Action
	Reason    string
	At        time.Time
}

// ExportRow is one comment of a consultation report.
type ExportRow struct {
	Comment  Comment
	Section  string
	Response string
}

// Store keeps consultations, comments and everything around them: rows, queries, and database
// errors translated into this package's errors; no rule. Called with a context from
// kernel.Transactor.InTx, every method takes part in that transaction.
type Store interface {
	InsertConsultation(ctx context.Context, c Consultation) (Consultation, error)
	// SaveConsultation writes the consultation's fields, areas and sections; sections keep their
	// ids (and so their comments) where they are given.
	SaveConsultation(ctx context.Context, c Consultation) error
	Get(ctx context.Context, id int64) (Consultation, error)
	// Head returns what deciding on a new comment needs, in one read: the consultation without
	// its texts and areas, the ids of its sections, and its process's status.
	Head(ctx context.Context, id int64) (Consultation, error)
	ByProcess(ctx context.Context, processID int64) ([]Consultation, error)

	// Comments returns a page of comments, pinned ones first, and the next page's cursor.
	Comments(ctx context.Context, q CommentQuery) ([]Comment, string, error)
	Comment(ctx context.Context, id int64) (Comment, error)
	// InsertComment stores a new comment and the live events that events builds from it (given
	// the comment with its id; nil: none), atomically, and returns it with its id.
	InsertComment(ctx context.Context, cm Comment, events func(Comment) []kernel.Event) (Comment, error)
	// SaveComment writes the changeable fields of a comment: body, html, status, reason, pinned,
	// flags_open, edited_at.
	SaveComment(ctx context.Context, cm Comment) error
	// AddSupport records the person's support; ErrAlreadyDone when it exists (the unique
	// constraint decides, so concurrent requests cannot both succeed). It returns the new count.
	AddSupport(ctx context.Context, userID, commentID int64) (int, error)
	// RemoveSupport removes it; ErrAlreadyDone when there was none. It returns the new count.
	RemoveSupport(ctx context.Context, userID, commentID int64) (int, error)
	// AddFlag records the person's flag and opens the comment's flags; ErrAlreadyDone when the
	// person has flagged it before. It returns the comment's flag count.
	AddFlag(ctx context.Context, userID, commentID int64, reason string) (int, error)
	// Around tells for each comment what surrounds it for the viewer: the replies they may see,
	// whether they support it, and its official response.
	Around(ctx context.Context, commentIDs []int64, viewerID int64, moderator bool) (map[int64]Around, error)
	// SaveResponse stores or replaces the official response to a comment.
	SaveResponse(ctx context.Context, r Response) (Response, error)
	Responses(ctx context.Context, commentIDs []int64) (map[int64]Response, error)
	// AddDecision appends a line to the public moderation log.
	AddDecision(ctx context.Context, consultationID, moderatorID int64, d Decision) (Decision, error)
	// Queue lists pending and flagged comments, oldest first.
	Queue(ctx context.Context, consultationID int64, limit int) ([]Comment, error)
	ModerationLog(ctx context.Context, consultationID int64, before int64, limit int) ([]Decision, error)
	// Export calls fn for every comment of the consultation in order.
	Export(ctx context.Context, consultationID int64, fn func(ExportRow) error) error
}

// RoomPrefix is the kind of a consultation's live room: rooms are "consultation:<id>".
const RoomPrefix = "consultation"

// Room is the live room of a consultation.
func Room(consultationID int64) string {
	return RoomPrefix + ":" + strconv.FormatInt(consultationID, 10)
}

// RoomOf is the consultation whose live room this is, the inverse of Room.
func RoomOf(room string) (int64, bool) {
	id, ok := strings.CutPrefix(room, RoomPrefix+":")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(id, 10, 64)
	return n, err == nil && n > 0
}
