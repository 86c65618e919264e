package httpapi

import (
	"context"
	"net/http"
	"strconv"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/markdown"
)

// commentOut shows a comment to a person: text to edit and reasons only to its author and the
// moderators, flags only to moderators.
func commentOut(cm consultation.Comment, p identity.Principal, moderator bool) api.Comment {
	own := !p.Anonymous() && cm.AuthorID == p.User.ID
	out := api.Comment{Id: cm.ID, ConsultationId: cm.ConsultationID, AuthorName: cm.AuthorName, Status: api.CommentStatus(cm.Status),
		Html: cm.HTML, Pinned: cm.Pinned, Supports: cm.Supports, CreatedAt: cm.CreatedAt, Own: own}
	if cm.Status == consultation.StatusWithdrawn {
		out.Html = ""
	}
	if cm.SectionID != 0 {
		out.SectionId = &cm.SectionID
	}
	if cm.ParentID != 0 {
		out.ParentId = &cm.ParentID
	}
	if !cm.EditedAt.IsZero() {
		out.EditedAt = &cm.EditedAt
	}
	if own || moderator {
		if cm.Status != consultation.StatusWithdrawn {
			out.Body = &cm.Body
		}
		if cm.Reason != "" {
			out.Reason = &cm.Reason
		}
	}
	if moderator {
		out.Flags = &cm.Flags
	}
	return out
}

// oneCommentOut is commentsOut for a single comment, so an action's answer is as complete as the
// list's.
func (h *handlers) oneCommentOut(ctx context.Context, cm consultation.Comment, p identity.Principal, moderator bool) (api.Comment, error) {
	out, err := h.commentsOut(ctx, []consultation.Comment{cm}, p, moderator)
	if err != nil {
		return api.Comment{}, err
	}
	return out[0], nil
}

// commentsOut adds what the person needs around each comment: whether they support it, how many
// replies they can see, and the official response.
func (h *handlers) commentsOut(ctx context.Context, cms []consultation.Comment, p identity.Principal, moderator bool) ([]api.Comment, error) {
	ids := make([]int64, len(cms))
	for i, cm := range cms {
		ids[i] = cm.ID
	}
	supported, err := h.consultations.Supported(ctx, p.User.ID, ids)
	if err != nil {
		return nil, err
	}
	replies, err := h.consultations.ReplyCounts(ctx, ids, p.User.ID, moderator)
	if err != nil {
		return nil, err
	}
	responses, err := h.consultations.Responses(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]api.Comment, len(cms))
	for i, cm := range cms {
		out[i] = commentOut(cm, p, moderator)
		out[i].Supported, out[i].Replies = supported[cm.ID], replies[cm.ID]
		if r, ok := responses[cm.ID]; ok {
			out[i].Response = &api.OfficialResponse{CommentId: cm.ID, Html: r.HTML, CreatedAt: r.CreatedAt}
		}
	}
	return out, nil
}

// ListComments implements api.StrictServerInterface.
func (h *handlers) ListComments(ctx context.Context, req api.ListCommentsRequestObject) (api.ListCommentsResponseObject, error) {
	p := principalFrom(ctx)
	c, err := h.readableConsultation(ctx, p, req.ConsultationId)
	if err != nil {
		return nil, err
	}
	moderator := access.CanCoordinate(p, c.DistrictKey)
	q := consultation.CommentQuery{ConsultationID: c.ID, SectionID: req.Params.Section, ViewerID: p.User.ID, Moderator: moderator, Limit: 20}
	set(&q.ParentID, req.Params.Parent)
	set(&q.Cursor, req.Params.Cursor)
	set(&q.Limit, req.Params.Limit)
	set(&q.Search, req.Params.Q)
	if req.Params.Sort != nil {
		q.Sort = consultation.Sort(*req.Params.Sort)
	}
	cms, next, err := h.consultations.Comments(ctx, q)
	if err != nil {
		return nil, err
	}
	items, err := h.commentsOut(ctx, cms, p, moderator)
	if err != nil {
		return nil, err
	}
	page := api.CommentPage{Items: items}
	if next != "" {
		page.NextCursor = &next
	}
	return api.ListComments200JSONResponse(page), nil
}

// CreateComment implements api.StrictServerInterface.
func (h *handlers) CreateComment(ctx context.Context, req api.CreateCommentRequestObject) (api.CreateCommentResponseObject, error) {
	p := principalFrom(ctx)
	if p.Anonymous() {
		return nil, errLoginToComment
	}
	c, err := h.readableConsultation(ctx, p, req.ConsultationId)
	if err != nil {
		return nil, err
	}
	if wait, ok := h.limiter.allow(p.User.ID); !ok {
		return api.CreateComment429ApplicationProblemPlusJSONResponse{
			Body:    api.Problem{Type: "about:blank", Title: http.StatusText(http.StatusTooManyRequests), Status: http.StatusTooManyRequests, Code: "rate_limited", Detail: ptr("You are commenting very fast; please wait a moment.")},
			Headers: api.CreateComment429ResponseHeaders{RetryAfter: &wait},
		}, nil
	}
	var parent *consultation.Comment
	if req.Body.ParentId != nil {
		pc, err := h.consultations.Comment(ctx, *req.Body.ParentId)
		if err != nil {
			return nil, err
		}
		parent = &pc
	}
	var section int64
	set(&section, req.Body.SectionId)
	cm, err := consultation.NewComment(&c, p, section, parent, req.Body.Body, h.now())
	if err != nil {
		return nil, err
	}
	cm.HTML = markdown.Comment(cm.Body)
	if cm, err = h.consultations.AddComment(ctx, cm); err != nil {
		return nil, err
	}
	return api.CreateComment201JSONResponse(commentOut(cm, p, access.CanCoordinate(p, c.DistrictKey))), nil
}

func ptr[T any](v T) *T { return &v }

// visibleComment loads a comment the principal may see, with its consultation.
func (h *handlers) visibleComment(ctx context.Context, p identity.Principal, id int64) (consultation.Comment, consultation.Consultation, bool, error) {
	cm, err := h.consultations.Comment(ctx, id)
	if err != nil {
		return cm, consultation.Consultation{}, false, err
	}
	c, err := h.readableConsultation(ctx, p, cm.ConsultationID)
	if err != nil {
		return cm, c, false, err
	}
	moderator := access.CanCoordinate(p, c.DistrictKey)
	if !cm.VisibleTo(p, moderator) {
		return cm, c, false, consultation.ErrCommentNotFound
	}
	return cm, c, moderator, nil
}

// changeOwn runs an author's change (edit, withdraw) on their visible comment.
func (h *handlers) changeOwn(ctx context.Context, id int64, change func(identity.Principal, *consultation.Comment) error) (api.Comment, error) {
	p := principalFrom(ctx)
	if p.Anonymous() {
		return api.Comment{}, errUnauthenticated
	}
	_, _, moderator, err := h.visibleComment(ctx, p, id)
	if err != nil {
		return api.Comment{}, err
	}
	cm, err := h.consultations.ChangeComment(ctx, p.User.ID, id, "", func(cm *consultation.Comment) error { return change(p, cm) })
	if err != nil {
		return api.Comment{}, err
	}
	return h.oneCommentOut(ctx, cm, p, moderator)
}

// EditComment implements api.StrictServerInterface.
func (h *handlers) EditComment(ctx context.Context, req api.EditCommentRequestObject) (api.EditCommentResponseObject, error) {
	now := h.now()
	out, err := h.changeOwn(ctx, req.CommentId, func(p identity.Principal, cm *consultation.Comment) error {
		if err := cm.Edit(p, req.Body.Body, now); err != nil {
			return err
		}
		cm.HTML = markdown.Comment(cm.Body)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return api.EditComment200JSONResponse(out), nil
}

// WithdrawComment implements api.StrictServerInterface.
func (h *handlers) WithdrawComment(ctx context.Context, req api.WithdrawCommentRequestObject) (api.WithdrawCommentResponseObject, error) {
	out, err := h.changeOwn(ctx, req.CommentId, func(p identity.Principal, cm *consultation.Comment) error { return cm.Withdraw(p) })
	if err != nil {
		return nil, err
	}
	return api.WithdrawComment200JSONResponse(out), nil
}

func (h *handlers) support(ctx context.Context, id int64, on bool) (api.Comment, error) {
	p := principalFrom(ctx)
	if p.Anonymous() {
		return api.Comment{}, errUnauthenticated
	}
	cm, c, moderator, err := h.visibleComment(ctx, p, id)
	if err != nil {
		return api.Comment{}, err
	}
	// Supporting is taking part: only while open and for the audience.
	if err := c.CanComment(p, h.now()); err != nil {
		return api.Comment{}, err
	}
	if on {
		if err := cm.CheckSupport(p); err != nil {
			return api.Comment{}, err
		}
	}
	if cm, err = h.consultations.Support(ctx, p.User.ID, id, on); err != nil {
		return api.Comment{}, err
	}
	return h.oneCommentOut(ctx, cm, p, moderator)
}

// SupportComment implements api.StrictServerInterface.
func (h *handlers) SupportComment(ctx context.Context, req api.SupportCommentRequestObject) (api.SupportCommentResponseObject, error) {
	out, err := h.support(ctx, req.CommentId, true)
	if err != nil {
		return nil, err
	}
	return api.SupportComment200JSONResponse(out), nil
}

// UnsupportComment implements api.StrictServerInterface.
func (h *handlers) UnsupportComment(ctx context.Context, req api.UnsupportCommentRequestObject) (api.UnsupportCommentResponseObject, error) {
	out, err := h.support(ctx, req.CommentId, false)
	if err != nil {
		return nil, err
	}
	return api.UnsupportComment200JSONResponse(out), nil
}

// FlagComment implements api.StrictServerInterface.
func (h *handlers) FlagComment(ctx context.Context, req api.FlagCommentRequestObject) (api.FlagCommentResponseObject, error) {
	p := principalFrom(ctx)
	if p.Anonymous() {
		return nil, errUnauthenticated
	}
	if _, _, _, err := h.visibleComment(ctx, p, req.CommentId); err != nil {
		return nil, err
	}
	reason, err := consultation.CheckFlagReason(req.Body.Reason)
	if err != nil {
		return nil, err
	}
	if _, err := h.consultations.Flag(ctx, p.User.ID, req.CommentId, reason); err != nil {
		return nil, err
	}
	return api.FlagComment204Response{}, nil
}

// ModerateComment implements api.StrictServerInterface.
func (h *handlers) ModerateComment(ctx context.Context, req api.ModerateCommentRequestObject) (api.ModerateCommentResponseObject, error) {
	p := principalFrom(ctx)
	cm, err := h.moderatedComment(ctx, p, req.CommentId)
	if err != nil {
		return nil, err
	}
	action, reason := consultation.Action(req.Body.Action), ""
	set(&reason, req.Body.Reason)
	cm, err = h.consultations.ChangeComment(ctx, p.User.ID, cm.ID, action, func(cm *consultation.Comment) error { return cm.Moderate(action, reason) })
	if err != nil {
		return nil, err
	}
	out, err := h.oneCommentOut(ctx, cm, p, true)
	return api.ModerateComment200JSONResponse(out), err
}

func (h *handlers) moderatedComment(ctx context.Context, p identity.Principal, id int64) (consultation.Comment, error) {
	if p.Anonymous() {
		return consultation.Comment{}, errUnauthenticated
	}
	cm, err := h.consultations.Comment(ctx, id)
	if err != nil {
		return cm, err
	}
	if _, err := h.moderatedConsultation(ctx, p, cm.ConsultationID); err != nil {
		return cm, err
	}
	return cm, nil
}

// RespondToComment implements api.StrictServerInterface.
func (h *handlers) RespondToComment(ctx context.Context, req api.RespondToCommentRequestObject) (api.RespondToCommentResponseObject, error) {
	p := principalFrom(ctx)
	if _, err := h.moderatedComment(ctx, p, req.CommentId); err != nil {
		return nil, err
	}
	body, err := consultation.CheckBody(req.Body.Body)
	if err != nil {
		return nil, err
	}
	r, err := h.consultations.Respond(ctx, p.User.ID, req.CommentId, body, markdown.Comment(body))
	if err != nil {
		return nil, err
	}
	return api.RespondToComment200JSONResponse{CommentId: r.CommentID, Body: &r.Body, Html: r.HTML, CreatedAt: r.CreatedAt}, nil
}

// GetModerationQueue implements api.StrictServerInterface.
func (h *handlers) GetModerationQueue(ctx context.Context, req api.GetModerationQueueRequestObject) (api.GetModerationQueueResponseObject, error) {
	p := principalFrom(ctx)
	c, err := h.moderatedConsultation(ctx, p, req.ConsultationId)
	if err != nil {
		return nil, err
	}
	cms, err := h.consultations.Queue(ctx, c.ID, 200)
	if err != nil {
		return nil, err
	}
	items, err := h.commentsOut(ctx, cms, p, true)
	if err != nil {
		return nil, err
	}
	return api.GetModerationQueue200JSONResponse{Items: items}, nil
}

// GetModerationLog implements api.StrictServerInterface.
func (h *handlers) GetModerationLog(ctx context.Context, req api.GetModerationLogRequestObject) (api.GetModerationLogResponseObject, error) {
	c, err := h.readableConsultation(ctx, principalFrom(ctx), req.ConsultationId)
	if err != nil {
		return nil, err
	}
	limit, before := 50, int64(0)
	set(&limit, req.Params.Limit)
	if req.Params.Cursor != nil {
		if before, err = strconv.ParseInt(*req.Params.Cursor, 10, 64); err != nil || before <= 0 {
			return nil, NewProblem(http.StatusBadRequest, "invalid_cursor", "The cursor is not one this API gave out.")
		}
	}
	ds, err := h.consultations.ModerationLog(ctx, c.ID, before, limit)
	if err != nil {
		return nil, err
	}
	page := api.ModerationLog{Items: make([]api.ModerationDecision, len(ds))}
	for i, d := range ds {
		page.Items[i] = api.ModerationDecision{Id: d.ID, CommentId: d.CommentID, Action: api.ModerationDecisionAction(d.Action), Reason: d.Reason, At: d.At}
	}
	if len(ds) == limit {
		next := strconv.FormatInt(ds[len(ds)-1].ID, 10)
		page.NextCursor = &next
	}
	return api.GetModerationLog200JSONResponse(page), nil
}
