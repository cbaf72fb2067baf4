//go:build !unix

package notice

import "time"

// processCPU returns 0: the process's processor time is read on Unix only.
func processCPU() time.Duration { return 0 }
