//go:build race

package planning_test

// raceDetector: the race detector slows the code many times over, so time bounds do not hold.
const raceDetector = true
