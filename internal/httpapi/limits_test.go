package httpapi_test

import (
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/workshop"
)

// TestContractLimitsAreTheDomains holds every maxLength of api/openapi.yaml to the domain's
// limits: a limit written into the contract by hand, and disagreeing with the domain (the comment
// body once said 20,000 where the domain allows 5,000), fails here.
func TestContractLimitsAreTheDomains(t *testing.T) {
	b, err := os.ReadFile("../../api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	domain := []int{kernel.MaxName, kernel.MaxCode, kernel.MaxDescription, kernel.MaxSummary, kernel.MaxOffice, kernel.MaxIntro,
		kernel.MaxSectionBody, kernel.MaxComment, kernel.MaxReason, kernel.MaxSearch, kernel.MaxEmail,
		atlas.MaxKey, atlas.MaxAreaKey, atlas.MaxUnit, atlas.MaxShort, atlas.MaxSource, atlas.MaxLicence, atlas.MaxKeyList,
		needs.MaxText, needs.MaxLabel, needs.MaxReason, needs.MaxNote,
		workshop.MaxURL, workshop.MaxGuestName, workshop.MaxQuestion, workshop.MaxAnswer, workshop.MaxCard, workshop.MaxChat,
		workshop.MaxPollText, workshop.MaxWord, workshop.MaxOption, workshop.MaxDecision, workshop.MaxMinutes, workshop.MaxJoinCodeInput}
	found := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if path == "/components" && k == "parameters" {
					continue // cursors and keys are tokens machines write, not texts people do
				}
				if k == "maxLength" {
					found++
					if n, ok := x.(int); !ok || !slices.Contains(domain, n) {
						t.Errorf("%s: maxLength %v is none of the domain's limits", path, x)
					}
					continue
				}
				walk(path+"/"+k, x)
			}
		case []any:
			for _, x := range v {
				walk(path+"[]", x)
			}
		}
	}
	walk("", doc)
	if found < 10 {
		t.Fatalf("only %d maxLength values found", found)
	}
	schemas := doc.(map[string]any)["components"].(map[string]any)["schemas"].(map[string]any)
	prop := func(schema, field string) any {
		return schemas[schema].(map[string]any)["properties"].(map[string]any)[field].(map[string]any)["maxLength"]
	}
	for _, c := range []struct {
		schema, field string
		want          int
	}{
		{"CommentInput", "body", kernel.MaxComment}, {"CommentEdit", "body", kernel.MaxComment}, {"ResponseInput", "body", kernel.MaxComment},
		{"FlagInput", "reason", kernel.MaxReason}, {"ModerationInput", "reason", kernel.MaxReason},
	} {
		if got := prop(c.schema, c.field); got != c.want {
			t.Errorf("%s.%s maxLength = %v, the domain says %d", c.schema, c.field, got, c.want)
		}
	}
}
