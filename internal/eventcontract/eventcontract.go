// Package eventcontract checks live frames against api/events.yaml. It serves tests only (the
// store's stored events, the domain's payloads): the server itself trusts the generated types
// and does not validate what it sends.
package eventcontract

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Contract is events.yaml, loaded and validated, with each event type's frame schema.
type Contract struct {
	Doc    *openapi3.T
	frames map[string]string // event type -> name of its frame schema
}

// APIDir is the repository's api folder, found from this file, so a test in any package (each
// runs in its own directory) loads the same documents.
func APIDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "api")
}

// Load reads events.yaml and checks that it is a valid OpenAPI document whose LiveEvent
// discriminator maps every type to a frame that says that type, and only that one.
func Load() (*Contract, error) {
	doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join(APIDir(), "events.yaml"))
	if err != nil {
		return nil, fmt.Errorf("load events.yaml: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("events.yaml is not a valid OpenAPI document: %w", err)
	}
	union := doc.Components.Schemas["LiveEvent"]
	if union == nil || union.Value.Discriminator == nil {
		return nil, fmt.Errorf("events.yaml: no LiveEvent with a discriminator")
	}
	c := &Contract{Doc: doc, frames: map[string]string{}}
	for typ, ref := range union.Value.Discriminator.Mapping {
		name := strings.TrimPrefix(ref.Ref, "#/components/schemas/")
		frame := doc.Components.Schemas[name]
		if frame == nil {
			return nil, fmt.Errorf("events.yaml: %s maps to %s, which does not exist", typ, ref.Ref)
		}
		if !slices.ContainsFunc(union.Value.OneOf, func(s *openapi3.SchemaRef) bool { return s.Ref == ref.Ref }) {
			return nil, fmt.Errorf("events.yaml: %s is mapped but not one of LiveEvent's oneOf", name)
		}
		prop := frame.Value.Properties["type"]
		if prop == nil || len(prop.Value.Enum) != 1 || prop.Value.Enum[0] != typ {
			return nil, fmt.Errorf("events.yaml: %s must have type enum [%s]", name, typ)
		}
		c.frames[typ] = name
	}
	if len(c.frames) != len(union.Value.OneOf) {
		return nil, fmt.Errorf("events.yaml: LiveEvent has %d frames but maps %d types", len(union.Value.OneOf), len(c.frames))
	}
	return c, nil
}

// Types returns the event types the contract knows, sorted.
func (c *Contract) Types() []string {
	out := make([]string, 0, len(c.frames))
	for t := range c.frames {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// Frame returns the name of the frame schema of an event type ("" for an unknown type).
func (c *Contract) Frame(typ string) string { return c.frames[typ] }

// Validate checks one frame as a client receives it: the envelope (LiveFrame), then the frame
// schema its type names, payload included. An unknown type is an error, because a server that
// sends it has a type the contract does not describe.
func (c *Contract) Validate(frame []byte) error {
	var v any
	if err := json.Unmarshal(frame, &v); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if err := c.Doc.Components.Schemas["LiveFrame"].Value.VisitJSON(v); err != nil {
		return fmt.Errorf("envelope: %w", err)
	}
	typ, _ := v.(map[string]any)["type"].(string)
	name := c.frames[typ]
	if name == "" {
		return fmt.Errorf("type %q has no schema in events.yaml", typ)
	}
	if err := c.Doc.Components.Schemas[name].Value.VisitJSON(v, openapi3.MultiErrors()); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
