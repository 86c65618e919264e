package consultation

import "github.com/teilhabe/teilhabe/api/events"

// Live event types of a consultation's room; each message carries the data below. Their schemas
// are in api/events.yaml, their channel and audiences in api/asyncapi.yaml; a test there fails
// when a type here has neither.
const (
	EventCommentCreated  = "comment.created"    // a comment became public: PublicView
	EventCommentUpdated  = "comment.updated"    // edited, withdrawn, pinned: PublicView
	EventCommentRemoved  = "comment.removed"    // rejected or hidden: events.CommentRef
	EventSupportsChanged = "comment.supports"   // events.SupportsChanged
	EventResponse        = "response.created"   // events.ResponseCreated
	EventModeration      = "moderation.decided" // events.ModerationDecided
	EventCommentQueued   = "comment.queued"     // for moderators: QueuedView
	EventCommentDequeued = "comment.dequeued"   // for moderators: events.CommentRef
)

// PublicView is what everyone may see of a public comment, as sent live and listed.
func (cm *Comment) PublicView() events.PublicComment {
	v := events.PublicComment{Id: cm.ID, ConsultationId: cm.ConsultationID, AuthorName: cm.AuthorName,
		Status: events.PublicCommentStatus(cm.Status), Html: cm.HTML, Pinned: cm.Pinned, Supports: cm.Supports,
		CreatedAt: cm.CreatedAt.UTC(), SectionId: nonZero(cm.SectionID), ParentId: nonZero(cm.ParentID)}
	if cm.Status == StatusWithdrawn {
		v.Html = ""
	}
	if !cm.EditedAt.IsZero() {
		at := cm.EditedAt.UTC()
		v.EditedAt = &at
	}
	return v
}

// QueuedView is the comment as a moderator sees it in the queue: the public view, plus what only
// moderators may read. It is meant for rooms' moderator audience only.
func (cm *Comment) QueuedView() events.QueuedComment {
	p := cm.PublicView()
	v := events.QueuedComment{Id: p.Id, ConsultationId: p.ConsultationId, SectionId: p.SectionId, ParentId: p.ParentId,
		AuthorName: p.AuthorName, Status: events.QueuedCommentStatus(cm.Status), Html: cm.HTML, Pinned: p.Pinned,
		Supports: p.Supports, CreatedAt: p.CreatedAt, EditedAt: p.EditedAt, Body: cm.Body, Flags: cm.Flags}
	if cm.Reason != "" {
		v.Reason = &cm.Reason
	}
	return v
}

// nonZero is nil for 0, so an optional id is left out of the JSON as it always was.
func nonZero(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// ModeratorView is the payload of comment.queued.
func (cm *Comment) ModeratorView() events.QueuedComment { return cm.QueuedView() }

// RemovedView is the payload of comment.removed and comment.dequeued.
func RemovedView(id int64) events.CommentRef { return events.CommentRef{Id: id} }

// SupportsView is the payload of comment.supports.
func SupportsView(id int64, supports int) events.SupportsChanged {
	return events.SupportsChanged{Id: id, Supports: supports}
}

// ResponseView is the payload of response.created.
func ResponseView(r Response) events.ResponseCreated {
	return events.ResponseCreated{CommentId: r.CommentID, Html: r.HTML, CreatedAt: r.CreatedAt.UTC()}
}

// DecisionView is the payload of moderation.decided.
func DecisionView(d Decision) events.ModerationDecided {
	return events.ModerationDecided{CommentId: d.CommentID, Action: events.ModerationDecidedAction(d.Action), Reason: d.Reason}
}
