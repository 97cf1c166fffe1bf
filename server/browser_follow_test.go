package server

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/storyline-news/storyline/store"
)

// TestBrowserSourcesAndWatchlists manages sources and watchlists from
// their pages as a person would: forms with the token, lists, a
// watchlist's alerts and its Atom link.
func TestBrowserSourcesAndWatchlists(t *testing.T) {
	srv, st := newTestServer(t, fixture())
	ctx, base, watch := newBrowserOn(t, srv)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	t.Run("a source is followed from the sources page", func(t *testing.T) {
		doBrowser(t, ctx,
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(css(`header.top nav`)),
			chromedp.Click(css(`header.top nav a[href="/sources"]`)),
			chromedp.WaitVisible(css(`#add-source`)),
			chromedp.SendKeys(css(`#add-source input[name=url]`), "https://harbour.example/feed.xml"),
			chromedp.SendKeys(css(`#add-source input[name=name]`), "Harbour Gazette"),
			chromedp.SendKeys(css(`#add-source input[name=token]`), "wrong token"),
			chromedp.Submit(css(`#add-source`)),
			chromedp.WaitVisible(css(`p.error`)),
		)
		if srcs, _ := st.Sources(context.Background()); len(srcs) != 0 {
			t.Fatalf("a source was added with a wrong token: %+v", srcs)
		}
		doBrowser(t, ctx,
			chromedp.SetValue(css(`#add-source input[name=token]`), testToken),
			chromedp.Submit(css(`#add-source`)),
			chromedp.WaitVisible(css(`#sources tr.source`)),
		)
		row := run(t, ctx, chromedp.Text(css(`#sources tr.source`)))
		if !strings.Contains(row, "Harbour Gazette") || !strings.Contains(row, "now") {
			t.Errorf("sources row = %q", row)
		}
		saveShot(t, "sources-page.png", run(t, ctx, chromedp.FullScreenshot(100)))
		doBrowser(t, ctx,
			chromedp.SendKeys(css(`#sources tr.source input[name=token]`), testToken),
			chromedp.Submit(css(`#sources tr.source form`)),
			chromedp.WaitVisible(css(`#no-sources`)),
		)
	})

	t.Run("a watchlist is saved and shows its alerts", func(t *testing.T) {
		doBrowser(t, ctx,
			chromedp.Navigate(base+"/watchlists"),
			chromedp.WaitVisible(css(`#add-watchlist`)),
			chromedp.SendKeys(css(`#add-watchlist input[name=name]`), "Mayor Varga"),
			chromedp.SendKeys(css(`#add-watchlist input[name=entities]`), "Ilsa Warga, Harbour Council"),
			chromedp.SendKeys(css(`#add-watchlist input[name=token]`), testToken),
			chromedp.Submit(css(`#add-watchlist`)),
			chromedp.WaitVisible(css(`h1.watchlist-name`)),
			chromedp.WaitVisible(css(`#no-alerts`)),
		)
		wl, err := st.Watchlist(context.Background(), "mayor-varga")
		if err != nil || len(wl.Entities) != 2 {
			t.Fatalf("watchlist = %+v, %v", wl, err)
		}
		err = st.Update(context.Background(), func(tx store.Tx) error {
			return tx.AddAlert(context.Background(), &store.Alert{Watchlist: wl.ID, Event: "ev1", Kind: store.AlertNew, Title: "Budget talks open in Portvale",
				Outlets: []string{"North Gazette"}, Matched: []string{"entity: Ilsa Varga"}}, "")
		})
		if err != nil {
			t.Fatal(err)
		}
		doBrowser(t, ctx,
			chromedp.Reload(),
			chromedp.WaitVisible(css(`#alerts li.alert`)),
		)
		if href := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('#atom').getAttribute('href')`)); href != "/watchlists/mayor-varga/feed.atom" {
			t.Errorf("Atom link %q", href)
		}
		saveShot(t, "watchlist-page.png", run(t, ctx, chromedp.FullScreenshot(100)))
		doBrowser(t, ctx,
			chromedp.Click(css(`#alerts li.alert a`)),
			chromedp.WaitVisible(css(`h1`)),
		)
		if loc := run(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, "/events/ev1") {
			t.Errorf("the alert led to %s", loc)
		}
		doBrowser(t, ctx,
			chromedp.Navigate(base+"/watchlists"),
			chromedp.WaitVisible(css(`#watchlists li.watchlist`)),
		)
		if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#watchlists li.watchlist').length`)); n != 1 {
			t.Errorf("%d watchlists listed", n)
		}
	})

	watch.check(t)
}
