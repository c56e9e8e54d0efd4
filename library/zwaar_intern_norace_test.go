//go:build !race

package library

// raceIntern is raceDetector for the tests inside the package (see zwaar_test.go).
const raceIntern = false
