package ico

// This file remembers what the parsers said of a text: a hand-kept
// register repeats its values ("Contract", "Staff") on every row, and a
// parser that does not know a text works out the nearest values it does
// know for its error, which costs more than the rest of a row's reading.

import (
	"sync"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// memoMax bounds the texts remembered per parser; past it the memory
// starts again.
const memoMax = 4096

// parseMemo remembers a parser's answers. The parsers are pure, so the
// answers do not depend on what was read before, and the memory is
// shared by imports running at once.
type parseMemo[T any] struct {
	mu    sync.Mutex
	parse func(string) (T, error)
	m     map[string]memoAnswer[T]
}

type memoAnswer[T any] struct {
	v   T
	err error
}

func newMemo[T any](parse func(string) (T, error)) *parseMemo[T] {
	return &parseMemo[T]{parse: parse, m: map[string]memoAnswer[T]{}}
}

// get returns the parser's answer for s.
func (m *parseMemo[T]) get(s string) (T, error) {
	m.mu.Lock()
	a, ok := m.m[s]
	m.mu.Unlock()
	if ok {
		return a.v, a.err
	}
	v, err := m.parse(s)
	m.mu.Lock()
	if len(m.m) >= memoMax {
		clear(m.m)
	}
	m.m[s] = memoAnswer[T]{v, err}
	m.mu.Unlock()
	return v, err
}

var (
	parseBasis     = newMemo(lawfulbasis.ParseBasis).get
	parseCondition = newMemo(lawfulbasis.ParseCondition).get
	parseSchedule1 = newMemo(lawfulbasis.ParseSchedule1).get
	parseMechanism = newMemo(lawfulbasis.ParseMechanism).get
	parseSubject   = newMemo(ropa.ParseSubject).get
	parseCategory  = newMemo(ropa.ParseCategory).get
)
