package server

import (
	"net/http"
	"reflect"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/watch"
)

// opDoc describes one API operation for the OpenAPI document.
type opDoc struct {
	ID      string
	Summary string
	Params  []param
	Schema  string // component name of the response (item) type, or "object"
	List    bool   // the response is a page of Schema items
	Post    bool   // the request has a body of articles and needs the token
	Body    string // component name of a JSON request body; needs the token
	Auth    bool   // needs the token; answers 204 with no body
}

// schemaTypes are the components of the document; their schemas are derived
// from the Go types by reflection so that they follow the code.
var schemaTypes = map[string]reflect.Type{
	"Article":        reflect.TypeFor[storyline.Article](),
	"ArticleSummary": reflect.TypeFor[storyline.ArticleSummary](),
	"Event":          reflect.TypeFor[storyline.Event](),
	"Story":          reflect.TypeFor[storyJSON](),
	"Entity":         reflect.TypeFor[storyline.Entity](),
	"Quote":          reflect.TypeFor[storyline.Quote](),
	"SearchHit":      reflect.TypeFor[searchHit](),
	"IngestSummary":  reflect.TypeFor[ingestResponse](),
	"UploadArticle":  reflect.TypeFor[uploadArticle](),
	"Error":          reflect.TypeFor[apiError](),
	"Health":         reflect.TypeFor[health](),
	"ArticleDetail":  reflect.TypeFor[articleDetail](),
	"Source":         reflect.TypeFor[store.Source](),
	"SourceSpec":     reflect.TypeFor[sourceSpec](),
	"Watchlist":      reflect.TypeFor[store.Watchlist](),
	"WatchlistSpec":  reflect.TypeFor[watch.Spec](),
	"Alert":          reflect.TypeFor[store.Alert](),
}

// jsonSchema describes t as the JSON encoding/json produces for it.
func jsonSchema(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": jsonSchema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": jsonSchema(t.Elem())}
	case reflect.Struct:
		props := map[string]any{}
		addFields(t, props)
		return map[string]any{"type": "object", "properties": props}
	}
	return map[string]any{}
}

func addFields(t reflect.Type, props map[string]any) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				addFields(ft, props)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		props[name] = jsonSchema(f.Type)
	}
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func jsonContent(schema map[string]any) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": schema}}
}

func errorResponse(desc string) map[string]any {
	return map[string]any{"description": desc, "content": jsonContent(ref("Error"))}
}

// openAPIDoc builds the document from the route table.
func (s *Server) openAPIDoc() map[string]any {
	paths := map[string]any{}
	for _, r := range s.routes {
		if r.doc == nil {
			continue
		}
		d := r.doc
		var params []any
		if strings.Contains(r.pattern, "{id}") {
			params = append(params, map[string]any{"name": "id", "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
		}
		for _, p := range d.Params {
			sch := map[string]any{"type": "string"}
			if p.Type != "" {
				sch["type"] = p.Type
			}
			if p.Format != "" {
				sch["format"] = p.Format
			}
			params = append(params, map[string]any{"name": p.Name, "in": "query", "required": p.Required, "description": p.Desc, "schema": sch})
		}
		var body map[string]any
		content := jsonContent
		switch d.Schema {
		case "object":
			body = map[string]any{"type": "object"}
		case "text":
			body = map[string]any{"type": "string"}
			content = func(schema map[string]any) map[string]any {
				return map[string]any{"text/plain": map[string]any{"schema": schema}}
			}
		case "atom":
			body = map[string]any{"type": "string"}
			content = func(schema map[string]any) map[string]any {
				return map[string]any{"application/atom+xml": map[string]any{"schema": schema}}
			}
		case "":
			body = nil
		default:
			body = ref(d.Schema)
		}
		if d.List {
			body = map[string]any{"type": "object", "required": []string{"items", "limit", "offset"}, "properties": map[string]any{
				"items":       map[string]any{"type": "array", "items": body},
				"limit":       map[string]any{"type": "integer"},
				"offset":      map[string]any{"type": "integer"},
				"next_offset": map[string]any{"type": "integer", "description": "offset of the next page; absent on the last page"},
			}}
		}
		responses := map[string]any{}
		op := map[string]any{"operationId": d.ID, "summary": d.Summary, "responses": responses}
		if len(params) > 0 {
			op["parameters"] = params
		}
		switch {
		case d.Body != "":
			op["security"] = []any{map[string]any{"bearer": []string{}}}
			op["requestBody"] = map[string]any{"required": true, "content": jsonContent(ref(d.Body))}
			responses["201"] = map[string]any{"description": "created", "content": jsonContent(body)}
			responses["400"] = errorResponse("the body is not valid")
			responses["401"] = errorResponse("no valid bearer token")
		case d.Auth:
			op["security"] = []any{map[string]any{"bearer": []string{}}}
			responses["204"] = map[string]any{"description": "done"}
			responses["401"] = errorResponse("no valid bearer token")
			if strings.Contains(r.pattern, "{id}") {
				responses["404"] = errorResponse("no such item")
			}
		case d.Post:
			op["security"] = []any{map[string]any{"bearer": []string{}}}
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"application/json":     map[string]any{"schema": ref("UploadArticle")},
				"application/x-ndjson": map[string]any{"schema": map[string]any{"type": "string", "description": "JSON Lines: one UploadArticle per line"}},
			}}
			responses["201"] = map[string]any{"description": "every article was ingested", "content": jsonContent(body)}
			responses["207"] = map[string]any{"description": "some articles failed; see errors", "content": jsonContent(body)}
			responses["400"] = errorResponse("the body is not a valid article")
			responses["401"] = errorResponse("no valid bearer token")
			responses["413"] = errorResponse("the body is too large")
			responses["415"] = errorResponse("unsupported Content-Type")
			responses["422"] = map[string]any{"description": "no article could be ingested", "content": jsonContent(body)}
		default:
			responses["200"] = map[string]any{"description": "OK", "content": content(body)}
			if len(params) > 0 {
				responses["400"] = errorResponse("invalid parameter")
			}
			if strings.Contains(r.pattern, "{id}") {
				responses["404"] = errorResponse("no such item")
			}
		}
		item, _ := paths[r.pattern].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[r.pattern] = item
		}
		item[strings.ToLower(r.method)] = op
	}
	schemas := map[string]any{}
	for name, t := range schemaTypes {
		schemas[name] = jsonSchema(t)
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":       "Storyline API",
			"version":     "1",
			"description": "Articles, events, stories, entities and quotes built from news articles. Lists are paged with limit and offset.",
		},
		"paths": paths,
		"components": map[string]any{
			"schemas":         schemas,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.openapi)
}
