// Package follow keeps a store current from sources on the web: RSS,
// Atom and JSON feeds, news sitemaps and sitemap indexes, and single
// pages polled for changes (the list itself is package sourcelist's).
// Each source is polled on its own interval; what it lists is read
// through package source, and the articles go into the store through
// the pipeline, one pipeline run per pass, like files do.
//
// Fetching is a good citizen's (Fetcher): robots.txt is read first and
// honoured (RFC 9309: longest match, allow winning a tie, "*" and "$";
// a missing one allows everything, an unreachable one nothing for a
// while; Crawl-delay lengthens the host's interval), requests to a host
// are spaced (one a second) and bounded in number (two at a time), carry
// a User-Agent that names Storyline, ask conditionally (ETag,
// Last-Modified), accept gzip and brotli (github.com/andybalholm/brotli,
// pure Go), time out, are retried with exponential backoff and jitter on
// network errors, 408, 429 and 5xx, wait for a Retry-After (a longer one
// than FetchOptions.MaxRetryAfter puts the host off until then), follow
// at most five redirects (each through robots.txt and its host's limits)
// and never a loop, and stop reading past the size limit. A source whose
// polls keep failing is polled half as often after each failure and
// flagged as failing.
//
// No duplicates, no losses. An item is known by its key in its listing
// ("i:SOURCE ID", whose seen row keeps a fingerprint of the entry) and
// by keys any listing may share: its GUID ("g:") and its URL without
// tracking parameters ("u:"), to which the page's final URL and its
// <link rel="canonical"> are added once it is fetched. An item whose
// entry is unchanged is not fetched again; a changed entry updates the
// article it was; an item that another listing, or another URL, already
// stored is recorded as that article and not stored again. Items with
// only a summary (source.Item.Summary) are read from their pages (with
// package extract, as page files are); when the page cannot be had
// (robots.txt, too large, a redirect loop, or failures over
// MaxItemAttempts polls) the summary is stored instead.
//
// A wire story carried by several outlets stays one article per outlet
// (each outlet's URL is its own); the store recognises the later ones
// as syndicated copies of the first by their identical normalised text
// (store.TextKey, FollowReader.CopyOf), and clustering puts them in one
// event.
//
// Restarts: where each source stands (validators, next poll, counters)
// is saved when a pass ends; a pass cut short saves only which items it
// stored, so that the next pass reads its listings in full again and
// fetches nothing it stored (it also checks the store for an item's id
// before fetching its page).
package follow
