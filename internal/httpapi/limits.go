package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/workshop"
)

// GetLimits implements api.StrictServerInterface: the domain's limits, so the frontend checks
// what the server checks without a copy of its own.
func (h *handlers) GetLimits(context.Context, api.GetLimitsRequestObject) (api.GetLimitsResponseObject, error) {
	return api.GetLimits200JSONResponse{
		Name: kernel.MaxName, Code: kernel.MaxCode, Description: kernel.MaxDescription, Summary: kernel.MaxSummary,
		Office: kernel.MaxOffice, Intro: kernel.MaxIntro, SectionBody: kernel.MaxSectionBody, Comment: kernel.MaxComment,
		Reason: kernel.MaxReason, Search: kernel.MaxSearch, Sections: consultation.MaxSections,
		EditWindowSeconds: int(consultation.EditWindow.Seconds()),
		NeedsText:         needs.MaxText, NeedsLabel: needs.MaxLabel, NeedsReason: needs.MaxReason,
		GuestName: workshop.MaxGuestName, WorkshopQuestion: workshop.MaxQuestion, WorkshopAnswer: workshop.MaxAnswer,
		WorkshopCard: workshop.MaxCard, WorkshopChat: workshop.MaxChat, WorkshopPollText: workshop.MaxPollText,
		WorkshopWord: workshop.MaxWord, WorkshopOption: workshop.MaxOption, WorkshopDecision: workshop.MaxDecision,
		WorkshopMinutes: workshop.MaxMinutes, Url: workshop.MaxURL, JoinCode: workshop.MaxJoinCodeInput,
	}, nil
}
