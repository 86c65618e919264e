package atlas

import (
	"context"
	"sync"
	"time"
)

// CatalogueTTL is how long an instance reuses the catalogue and the years of an indicator
// before reading them again. Every map, series and profile needs both; they change only with
// an import or a new indicator, which empty this instance's copy at once, so another instance
// shows a new year at most this late (as the anonymous page cache does).
const CatalogueTTL = time.Second

// catalogueCache keeps the catalogue and the indicators' years for CatalogueTTL.
type catalogueCache struct {
	mu    sync.Mutex
	now   func() time.Time
	at    time.Time
	ins   []Indicator
	years map[string]cachedYears
}

type cachedYears struct {
	at    time.Time
	years []int
}

func (c *catalogueCache) clear() {
	c.mu.Lock()
	c.ins, c.years = nil, nil
	c.mu.Unlock()
}

// indicators is the catalogue, read at most once per CatalogueTTL (never inside a
// transaction: a use case that writes reads what its transaction sees).
func (s *Service) indicators(ctx context.Context) ([]Indicator, error) {
	c := &s.cache
	c.mu.Lock()
	if c.ins != nil && c.now().Sub(c.at) < CatalogueTTL {
		ins := c.ins
		c.mu.Unlock()
		return ins, nil
	}
	c.mu.Unlock()
	ins, err := s.store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.ins, c.at = ins, c.now()
	c.mu.Unlock()
	return ins, nil
}

// indicator is one indicator of the cached catalogue (ErrIndicatorNotFound).
func (s *Service) indicator(ctx context.Context, key string) (Indicator, error) {
	ins, err := s.indicators(ctx)
	if err != nil {
		return Indicator{}, err
	}
	for _, in := range ins {
		if in.Key == key {
			return in, nil
		}
	}
	return s.store.Indicator(ctx, key) // added since: the store knows, or says not found
}

// years is the years of an indicator, read at most once per CatalogueTTL.
func (s *Service) years(ctx context.Context, key string) ([]int, error) {
	c := &s.cache
	c.mu.Lock()
	if y, ok := c.years[key]; ok && c.now().Sub(y.at) < CatalogueTTL {
		c.mu.Unlock()
		return y.years, nil
	}
	c.mu.Unlock()
	years, err := s.store.Years(ctx, key)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.years == nil {
		c.years = map[string]cachedYears{}
	}
	c.years[key] = cachedYears{at: c.now(), years: years}
	c.mu.Unlock()
	return years, nil
}
