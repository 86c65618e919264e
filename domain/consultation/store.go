package consultation

import (
	"context"
	"strconv"
	"time"
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

// Store keeps consultations, comments and everything around them. Every write that changes what
// people watching the consultation see also stores a live event for the consultation's room
// before it is announced.
type Store interface {
	Create(ctx context.Context, actorID int64, c Consultation) (Consultation, error)
	Get(ctx context.Context, id int64) (Consultation, error)
	ByProcess(ctx context.Context, processID int64) ([]Consultation, error)
	Update(ctx context.Context, actorID, id int64, update func(*Consultation) error) (Consultation, error)

	// Comments returns a page of comments, pinned ones first, and the next page's cursor.
	Comments(ctx context.Context, q CommentQuery) ([]Comment, string, error)
	Comment(ctx context.Context, id int64) (Comment, error)
	AddComment(ctx context.Context, cm Comment) (Comment, error)
	// ChangeComment reads the comment, lets change alter it (edit, withdraw, moderate) and writes
	// it back; a moderation action is recorded in the moderation log.
	ChangeComment(ctx context.Context, actorID, id int64, action Action, change func(*Comment) error) (Comment, error)
	// Support adds (on) or removes the person's support; ErrAlreadyDone when nothing changes.
	Support(ctx context.Context, userID, commentID int64, on bool) (Comment, error)
	// Flag records a person's flag once and puts the comment in the moderation queue.
	Flag(ctx context.Context, userID, commentID int64, reason string) (Comment, error)
	// Supported tells which of the comments the person supports.
	Supported(ctx context.Context, userID int64, commentIDs []int64) (map[int64]bool, error)
	// ReplyCounts counts the replies to each comment that the viewer may see.
	ReplyCounts(ctx context.Context, commentIDs []int64, viewerID int64, moderator bool) (map[int64]int, error)
	Respond(ctx context.Context, actorID, commentID int64, body, html string) (Response, error)
	Responses(ctx context.Context, commentIDs []int64) (map[int64]Response, error)
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
