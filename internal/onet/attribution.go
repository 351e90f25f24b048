package onet

import "strings"

// The release the embedded data comes from.
const embeddedRelease = "29.3"

// Attribution is the credit O*NET's licence asks for wherever the embedded
// O*NET data is shown as published (wording from O*NET's "How to Credit Us",
// release filled in).
const Attribution = "This page includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."

// AttributionModified is the longer credit O*NET asks for where Ladder shows
// values it derived from the embedded data (gaps, weights, closeness).
const AttributionModified = Attribution + " Ladder has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications."

// LicenseURL is the licence O*NET data is used under.
const LicenseURL = "https://creativecommons.org/licenses/by/4.0/"

// Attribution returns the credit for d's release: the short form, or the
// long form when modified is true because Ladder derived what it shows.
func (d *Dataset) Attribution(modified bool) string {
	s := Attribution
	if modified {
		s = AttributionModified
	}
	if d.Release == "" || d.Release == embeddedRelease {
		return s
	}
	return strings.Replace(s, "O*NET "+embeddedRelease+" Database", "O*NET "+d.Release+" Database", 1)
}
