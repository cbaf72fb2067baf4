package notice

import (
	"sync"
	"testing"

	"github.com/article30/article30/ropa"
)

// TestReuse checks that a Generate reusing an earlier call's scratch space
// (newGen) writes what one with none does: each register's notice, made
// after the others' in turn and from several goroutines at once, is the
// same as when it is made first, and a notice made earlier does not
// change when later ones are made.
func TestReuse(t *testing.T) {
	names, seeds := seedRegisters(t)
	regs := []*ropa.Register{generated(50), generated(7)}
	for _, name := range names {
		regs = append(regs, seeds[name])
	}
	render := func(n *Notice) [4]string { return [4]string{n.Markdown(), n.Text(), n.HTML(), n.Page()} }
	want := make([][4]string, len(regs))
	kept := make([]*Notice, len(regs))
	for i, reg := range regs {
		gens = sync.Pool{} // nothing to reuse
		kept[i] = mustGenerate(t, reg, lawDay)
		want[i] = render(kept[i])
	}
	for round := range 2 {
		for i, reg := range regs {
			if got := render(mustGenerate(t, reg, lawDay)); got != want[i] {
				t.Fatalf("round %d, register %d: the notice differs when made after others", round, i)
			}
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, reg := range regs {
				n, err := Generate(reg, lawDay)
				if err != nil || render(n) != want[i] {
					t.Errorf("register %d: the notice differs when made concurrently (%v)", i, err)
				}
			}
		})
	}
	wg.Wait()
	for i, n := range kept {
		if render(n) != want[i] {
			t.Errorf("register %d: a notice changed when later ones were made", i)
		}
	}
}
