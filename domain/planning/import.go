package planning

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ImportIssue is one problem of an import, precise enough to fix the file: the feature's index
// (-1 for the collection) and the property at fault.
type ImportIssue struct {
	Index    int
	Property string
	Message  string
}

// ImportChange is what an import does with one feature.
type ImportChange struct {
	Index      int
	Update     bool  // false: create
	ID         int64 // the existing area for updates; the new one after applying
	ParentCode string
	Area       SocialArea
}

// PlanImport reads a GeoJSON FeatureCollection of social areas for a district and plans the
// changes against the district's existing areas. Features name their parent by parent_code, an
// existing area's or another feature's code. Each geometry must be valid (ValidateGeometry) and
// every part of it lie in the boundary (Boundary.Check, the rule SocialArea.CheckDistrict applies
// to a single area); a geometry issue names the feature by its name and code. It reports every
// problem it finds, not just the first; when there are any, nothing may be applied.
func PlanImport(data []byte, districtKey string, boundary orb.Geometry, existing []SocialArea) ([]ImportChange, []ImportIssue) {
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil || fc.Type != "FeatureCollection" {
		return nil, []ImportIssue{{-1, "type", "the file is not a GeoJSON FeatureCollection"}}
	}
	if len(fc.Features) == 0 {
		return nil, []ImportIssue{{-1, "features", "the collection has no features"}}
	}
	byCode := map[string]SocialArea{}
	for _, a := range existing {
		if a.Code != "" {
			byCode[a.Code] = a
		}
	}
	var changes []ImportChange
	var issues []ImportIssue
	codes := map[string]int{}         // code -> feature index in this file
	prepared := NewBoundary(boundary) // one index of the boundary for all features
	for i, raw := range fc.Features {
		c, problems := planFeature(i, raw, districtKey, prepared)
		issues = append(issues, problems...)
		if c.Area.Code != "" {
			if prev, dup := codes[c.Area.Code]; dup {
				issues = append(issues, ImportIssue{i, "code", fmt.Sprintf("code %q is already used by feature %d", c.Area.Code, prev)})
			}
			codes[c.Area.Code] = i
			if old, ok := byCode[c.Area.Code]; ok {
				c.Update, c.ID = true, old.ID
			}
		}
		changes = append(changes, c)
	}
	// Parents: an area of this file or an existing one, on a wider level, and no cycles.
	for i := range changes {
		c := &changes[i]
		if c.ParentCode == "" {
			continue
		}
		var parent *SocialArea
		if j, ok := codes[c.ParentCode]; ok {
			parent = &changes[j].Area
		} else if old, ok := byCode[c.ParentCode]; ok {
			parent = &old
		}
		if parent == nil {
			issues = append(issues, ImportIssue{c.Index, "parent_code", fmt.Sprintf("no area with code %q in the file or the district", c.ParentCode)})
			continue
		}
		if ValidLevel(c.Area.Level) && ValidLevel(parent.Level) && levelRank[parent.Level] >= levelRank[c.Area.Level] {
			issues = append(issues, ImportIssue{c.Index, "parent_code", fmt.Sprintf("a %s cannot lie inside a %s", c.Area.Level, parent.Level)})
		}
	}
	if len(issues) > 0 {
		return nil, issues
	}
	// Parents before children, so that applying in this order can resolve every parent_code.
	sort.SliceStable(changes, func(a, b int) bool { return levelRank[changes[a].Area.Level] < levelRank[changes[b].Area.Level] })
	return changes, nil
}

func planFeature(i int, raw json.RawMessage, districtKey string, boundary *Boundary) (ImportChange, []ImportIssue) {
	var f struct {
		Type       string          `json:"type"`
		Properties map[string]any  `json:"properties"`
		Geometry   json.RawMessage `json:"geometry"`
	}
	c := ImportChange{Index: i, Area: SocialArea{DistrictKey: districtKey}}
	if err := json.Unmarshal(raw, &f); err != nil || f.Type != "Feature" {
		return c, []ImportIssue{{i, "type", "not a GeoJSON Feature"}}
	}
	var issues []ImportIssue
	str := func(name string, required bool, max int) string {
		v, present := f.Properties[name]
		s, ok := v.(string)
		switch {
		case !present && !required:
		case !ok:
			issues = append(issues, ImportIssue{i, name, fmt.Sprintf("%s must be a text", name)})
		case required && s == "":
			issues = append(issues, ImportIssue{i, name, name + " is empty"})
		case kernel.Chars(s) > max:
			issues = append(issues, ImportIssue{i, name, fmt.Sprintf("%s is longer than %d characters", name, max)})
		}
		return s
	}
	c.Area.Name = str("name", true, kernel.MaxName)
	c.Area.Level = Level(str("level", true, 20))
	if c.Area.Level != "" && !ValidLevel(c.Area.Level) {
		issues = append(issues, ImportIssue{i, "level", fmt.Sprintf("level %q is not planungsraum, sozialraum or quartier", c.Area.Level)})
	}
	c.Area.Code = str("code", false, kernel.MaxCode)
	c.Area.Description = str("description", false, kernel.MaxDescription)
	c.ParentCode = str("parent_code", false, kernel.MaxCode)
	if v, ok := f.Properties["population"]; ok && v != nil {
		n, isNum := v.(float64)
		if !isNum || n < 0 || n != math.Trunc(n) || n > 1e9 {
			issues = append(issues, ImportIssue{i, "population", "population must be a whole number of at least 0"})
		} else {
			p := int64(n)
			c.Area.Population = &p
		}
	}
	if len(f.Geometry) == 0 || string(f.Geometry) == "null" {
		return c, append(issues, ImportIssue{i, "geometry", "geometry is missing"})
	}
	g, err := geojson.UnmarshalGeometry(f.Geometry)
	if err != nil {
		return c, append(issues, ImportIssue{i, "geometry", "geometry is not valid GeoJSON: " + err.Error()})
	}
	c.Area.Geometry = g.Geometry()
	// The feature as people find it in the file: by its name and code, where it has them.
	var label string
	switch {
	case c.Area.Name != "" && c.Area.Code != "":
		label = fmt.Sprintf("%q (code %q): ", c.Area.Name, c.Area.Code)
	case c.Area.Name != "":
		label = fmt.Sprintf("%q: ", c.Area.Name)
	case c.Area.Code != "":
		label = fmt.Sprintf("code %q: ", c.Area.Code)
	}
	if err := ValidateGeometry(c.Area.Geometry); err != nil {
		return c, append(issues, ImportIssue{i, "geometry", label + err.Error()})
	}
	if err := boundary.Check(c.Area.Geometry); err != nil {
		issues = append(issues, ImportIssue{i, "geometry", label + "outside district " + districtKey + ": " + err.Error()})
	}
	return c, issues
}

// MaxReportedIssues bounds the problems an answer lists (with the count of all): a broken file of
// 200,000 features would otherwise be answered with tens of megabytes.
const MaxReportedIssues = 100

// Reported are the issues an answer lists: the first MaxReportedIssues, in file order.
func Reported(issues []ImportIssue) []ImportIssue {
	if len(issues) > MaxReportedIssues {
		return issues[:MaxReportedIssues]
	}
	return issues
}
