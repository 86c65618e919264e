package consultation

import "time"

// Live event types of a consultation's room; each message carries the data below.
const (
	EventCommentCreated  = "comment.created"  // a comment became public: PublicView
	EventCommentUpdated  = "comment.updated"  // edited, withdrawn, pinned: PublicView
	EventCommentRemoved  = "comment.removed"  // rejected or hidden: {id}
	EventSupportsChanged = "comment.supports" // {id, supports}
	EventResponse        = "response.created" // {comment_id, html, created_at}
	EventModeration      = "moderation.decided"
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
