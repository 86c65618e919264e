package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
)

// commentOut encodes a comment as its viewer sees it: text to edit and reasons only to its
// author and the moderators, flags only to moderators, and what the viewer may do.
func commentOut(v consultation.View) api.Comment {
	cm := v.Comment
	out := api.Comment{Id: cm.ID, ConsultationId: cm.ConsultationID, AuthorName: cm.AuthorName, Status: api.CommentStatus(cm.Status),
		Html: cm.HTML, Pinned: cm.Pinned, Supports: cm.Supports, CreatedAt: cm.CreatedAt, IsOwn: v.Own,
		Supported: v.Supported, Replies: v.Replies, Actions: make([]api.CommentAction, len(v.Capabilities))}
	for i, c := range v.Capabilities {
		out.Actions[i] = api.CommentAction(c)
	}
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
	if !v.EditableUntil.IsZero() {
		out.EditableUntil = &v.EditableUntil
	}
	if v.Own || v.Moderator {
		if cm.Status != consultation.StatusWithdrawn {
			out.Body = &cm.Body
		}
		if cm.Reason != "" {
			out.Reason = &cm.Reason
		}
	}
	if v.Moderator {
		out.Flags = &cm.Flags
	}
	if r := v.Response; r != nil {
		out.Response = &api.OfficialResponse{CommentId: cm.ID, Html: r.HTML, CreatedAt: r.CreatedAt}
	}
	return out
}

func commentsOut(vs []consultation.View) []api.Comment {
	out := make([]api.Comment, len(vs))
	for i, v := range vs {
		out[i] = commentOut(v)
	}
	return out
}

// ListComments implements api.StrictServerInterface.
func (h *handlers) ListComments(ctx context.Context, req api.ListCommentsRequestObject) (api.ListCommentsResponseObject, error) {
	q := consultation.CommentQuery{ConsultationID: req.ConsultationId, SectionID: req.Params.Section}
	set(&q.ParentID, req.Params.Parent)
	set(&q.Cursor, req.Params.Cursor)
	set(&q.Limit, req.Params.Limit)
	set(&q.Search, req.Params.Q)
	if req.Params.Sort != nil {
		q.Sort = consultation.Sort(*req.Params.Sort)
	}
	who := principalFrom(ctx)
	key, cacheable := "", h.pages != nil && who.Anonymous() && q.Cursor == "" && q.Search == ""
	var stamp pageStamp
	if cacheable {
		key = fmt.Sprintf("%d/%d/%d/%s", q.SectionID, q.ParentID, q.Limit, q.Sort)
		body, st, ok := h.pages.get(q.ConsultationID, key)
		if ok {
			return cachedPage(body), nil
		}
		stamp = st
	}
	page, err := h.commentPage(ctx, who, q)
	if err != nil {
		return nil, err
	}
	if !cacheable {
		return api.ListComments200JSONResponse(page), nil
	}
	body, err := json.Marshal(page)
	if err != nil {
		return nil, err
	}
	body = append(body, '\n')
	h.pages.put(q.ConsultationID, key, stamp, body)
	return cachedPage(body), nil
}

// commentPage is one page of comments as the person sees it.
func (h *handlers) commentPage(ctx context.Context, who identity.Principal, q consultation.CommentQuery) (api.CommentPage, error) {
	vs, next, err := h.cons.Comments(ctx, who, q)
	if err != nil {
		return api.CommentPage{}, err
	}
	page := api.CommentPage{Items: commentsOut(vs)}
	if next != "" {
		page.NextCursor = &next
	}
	return page, nil
}

// CreateComment implements api.StrictServerInterface.
func (h *handlers) CreateComment(ctx context.Context, req api.CreateCommentRequestObject) (api.CreateCommentResponseObject, error) {
	cmd := consultation.PostComment{ConsultationID: req.ConsultationId, Body: req.Body.Body}
	set(&cmd.SectionID, req.Body.SectionId)
	set(&cmd.ParentID, req.Body.ParentId)
	v, err := h.cons.PostComment(ctx, principalFrom(ctx), cmd)
	if err != nil {
		return nil, err
	}
	return api.CreateComment201JSONResponse(commentOut(v)), nil
}

func ptr[T any](v T) *T { return &v }

// EditComment implements api.StrictServerInterface.
func (h *handlers) EditComment(ctx context.Context, req api.EditCommentRequestObject) (api.EditCommentResponseObject, error) {
	v, err := h.cons.EditComment(ctx, principalFrom(ctx), req.CommentId, req.Body.Body)
	if err != nil {
		return nil, err
	}
	return api.EditComment200JSONResponse(commentOut(v)), nil
}

// WithdrawComment implements api.StrictServerInterface.
func (h *handlers) WithdrawComment(ctx context.Context, req api.WithdrawCommentRequestObject) (api.WithdrawCommentResponseObject, error) {
	v, err := h.cons.WithdrawComment(ctx, principalFrom(ctx), req.CommentId)
	if err != nil {
		return nil, err
	}
	return api.WithdrawComment200JSONResponse(commentOut(v)), nil
}

// SupportComment implements api.StrictServerInterface.
func (h *handlers) SupportComment(ctx context.Context, req api.SupportCommentRequestObject) (api.SupportCommentResponseObject, error) {
	v, err := h.cons.Support(ctx, principalFrom(ctx), req.CommentId, true)
	if err != nil {
		return nil, err
	}
	return api.SupportComment200JSONResponse(commentOut(v)), nil
}

// UnsupportComment implements api.StrictServerInterface.
func (h *handlers) UnsupportComment(ctx context.Context, req api.UnsupportCommentRequestObject) (api.UnsupportCommentResponseObject, error) {
	v, err := h.cons.Support(ctx, principalFrom(ctx), req.CommentId, false)
	if err != nil {
		return nil, err
	}
	return api.UnsupportComment200JSONResponse(commentOut(v)), nil
}

// FlagComment implements api.StrictServerInterface.
func (h *handlers) FlagComment(ctx context.Context, req api.FlagCommentRequestObject) (api.FlagCommentResponseObject, error) {
	if err := h.cons.Flag(ctx, principalFrom(ctx), req.CommentId, req.Body.Reason); err != nil {
		return nil, err
	}
	return api.FlagComment204Response{}, nil
}

// ModerateComment implements api.StrictServerInterface.
func (h *handlers) ModerateComment(ctx context.Context, req api.ModerateCommentRequestObject) (api.ModerateCommentResponseObject, error) {
	var reason string
	set(&reason, req.Body.Reason)
	v, err := h.cons.Moderate(ctx, principalFrom(ctx), req.CommentId, consultation.Action(req.Body.Action), reason)
	if err != nil {
		return nil, err
	}
	return api.ModerateComment200JSONResponse(commentOut(v)), nil
}

// RespondToComment implements api.StrictServerInterface.
func (h *handlers) RespondToComment(ctx context.Context, req api.RespondToCommentRequestObject) (api.RespondToCommentResponseObject, error) {
	r, err := h.cons.Respond(ctx, principalFrom(ctx), req.CommentId, req.Body.Body)
	if err != nil {
		return nil, err
	}
	return api.RespondToComment200JSONResponse{CommentId: r.CommentID, Body: &r.Body, Html: r.HTML, CreatedAt: r.CreatedAt}, nil
}

// GetModerationQueue implements api.StrictServerInterface.
func (h *handlers) GetModerationQueue(ctx context.Context, req api.GetModerationQueueRequestObject) (api.GetModerationQueueResponseObject, error) {
	vs, err := h.cons.Queue(ctx, principalFrom(ctx), req.ConsultationId)
	if err != nil {
		return nil, err
	}
	return api.GetModerationQueue200JSONResponse{Items: commentsOut(vs)}, nil
}

// GetModerationLog implements api.StrictServerInterface.
func (h *handlers) GetModerationLog(ctx context.Context, req api.GetModerationLogRequestObject) (api.GetModerationLogResponseObject, error) {
	limit, before := 50, int64(0)
	set(&limit, req.Params.Limit)
	if req.Params.Cursor != nil {
		var err error
		if before, err = strconv.ParseInt(*req.Params.Cursor, 10, 64); err != nil || before <= 0 {
			return nil, NewProblem(http.StatusBadRequest, "invalid_cursor", "The cursor is not one this API gave out.")
		}
	}
	ds, err := h.cons.ModerationLog(ctx, principalFrom(ctx), req.ConsultationId, before, limit)
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
