package atlas

import "context"

// Redisclose runs disclosure control again for every value of the indicators in the years (and
// of the shares and rates built from them), after their values changed.
func (s *Service) Redisclose(ctx context.Context, indicators []string, years []int) error {
	return nil // filled in with disclosure control (domain/atlas/disclose.go)
}
