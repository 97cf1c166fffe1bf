package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store"
)

// pipelineIngest is what storyline serve plugs in: the real pipeline.
func pipelineIngest(st store.Store) IngestFunc {
	return func(ctx context.Context, name string, data []byte) (IngestSummary, error) {
		sum, err := pipeline.IngestBytes(ctx, st, name, data, pipeline.Options{Log: discard()})
		out := IngestSummary{Ingested: sum.Ingested, Unchanged: sum.Unchanged, Updated: sum.Updated, Failed: sum.Failed}
		for _, e := range sum.Errors {
			out.Errors = append(out.Errors, e.Error())
		}
		return out, err
	}
}

// TestIngestedHostileArticle uploads an article full of markup through the
// API and the real pipeline, then renders every page that shows it.
func TestIngestedHostileArticle(t *testing.T) {
	st := openStore(t)
	srv := New(st, Options{Token: testToken, Ingest: pipelineIngest(st), Log: discard()})
	const evil = `<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">click</a> <svg onload=alert(4)></svg> <iframe src="https://evil.example/"></iframe>`
	article := map[string]string{
		"id":        "hostile-1",
		"url":       "javascript:alert(5)",
		"title":     `Minister Ada Quill meets envoys <script>alert(6)</script>`,
		"outlet":    `Evil <b onmouseover="alert(7)">Outlet</b>`,
		"published": "2030-06-01",
		"text": "GENEVA - Minister Ada Quill met envoys in Geneva on Tuesday. " + evil + "\n\n" +
			`"We will not be moved <script>alert(8)</script>," Quill said. ` + evil + "\n\nThe talks resume on Friday.",
	}
	body, _ := json.Marshal(article)
	r := do(t, srv, http.MethodPost, "/api/articles", strings.NewReader(string(body)), "Content-Type", "application/json", "Authorization", "Bearer "+testToken)
	if r.Status != http.StatusCreated {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	a, err := st.Article(t.Context(), "hostile-1")
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"/", "/articles/hostile-1", "/search?q=envoys", "/entities", "/search?q=script"}
	if a.Event != "" {
		pages = append(pages, "/events/"+a.Event)
		if ev, err := st.Event(t.Context(), a.Event); err == nil && ev.Story != "" {
			pages = append(pages, "/stories/"+ev.Story)
		}
	}
	for _, m := range a.Entities {
		if m.Entity != "" {
			pages = append(pages, "/entities/"+m.Entity)
		}
	}
	for _, p := range pages {
		r := get(t, srv, p)
		if r.Status != http.StatusOK {
			t.Errorf("%s: status %d", p, r.Status)
			continue
		}
		checkMarkup(t, p, r.Body)
	}
	if r := get(t, srv, "/articles/hostile-1"); !strings.Contains(r.Body, "&lt;script&gt;") {
		t.Errorf("the article's markup is not shown as text")
	}
	t.Logf("checked %d pages", len(pages))
}
