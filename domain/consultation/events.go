package consultation

import "time"

// Live event types of a consultation's room; each payload is described in api/events.yaml.
const (
	EventCommentCreated  = "comment.created"    // everyone: a comment became public: PublicView
	EventCommentUpdated  = "comment.updated"    // everyone: edited, withdrawn, pinned: PublicView
	EventCommentRemoved  = "comment.removed"    // everyone: rejected or hidden: {id}
	EventSupportsChanged = "comment.supports"   // everyone: {id, supports}
	EventResponse        = "response.created"   // everyone: {comment_id, html, created_at}
	EventModeration      = "moderation.decided" // everyone: {comment_id, action, reason}
	EventCommentQueued   = "comment.queued"     // moderators: entered or changed in the queue: ModeratorView
	EventCommentDequeued = "comment.dequeued"   // moderators: left the queue: {id}
)

// PublicView is what everyone may see of a public comment, as sent live and listed.
func (cm *Comment) PublicView() map[string]any {
	v := map[string]any{
		"id": cm.ID, "consultation_id": cm.ConsultationID, "author_name": cm.AuthorName, "status": string(cm.Status),
		"html": cm.HTML, "pinned": cm.Pinned, "supports": cm.Supports, "created_at": cm.CreatedAt.UTC().Format(time.RFC3339Nano),
	}
	if cm.Status == StatusWithdrawn {
		v["html"] = ""
	}
	if cm.SectionID != 0 {
		v["section_id"] = cm.SectionID
	}
	if cm.ParentID != 0 {
		v["parent_id"] = cm.ParentID
	}
	if !cm.EditedAt.IsZero() {
		v["edited_at"] = cm.EditedAt.UTC().Format(time.RFC3339Nano)
	}
	return v
}

// ModeratorView is what the moderators see of a comment in their queue: the public view, its
// text and status even when not public, the reason and the flags.
func (cm *Comment) ModeratorView() map[string]any {
	v := cm.PublicView()
	v["html"] = cm.HTML
	if cm.Status != StatusWithdrawn {
		v["body"] = cm.Body
	}
	v["flags"] = cm.Flags
	if cm.Reason != "" {
		v["reason"] = cm.Reason
	}
	return v
}

// RemovedView is the payload of comment.removed and comment.dequeued.
func RemovedView(id int64) map[string]any { return map[string]any{"id": id} }

// SupportsView is the payload of comment.supports.
func SupportsView(id int64, supports int) map[string]any {
	return map[string]any{"id": id, "supports": supports}
}

// ResponseView is the payload of response.created.
func ResponseView(r Response) map[string]any {
	return map[string]any{"comment_id": r.CommentID, "html": r.HTML, "created_at": r.CreatedAt}
}

// DecisionView is the payload of moderation.decided.
func DecisionView(d Decision) map[string]any {
	return map[string]any{"comment_id": d.CommentID, "action": string(d.Action), "reason": d.Reason}
}
