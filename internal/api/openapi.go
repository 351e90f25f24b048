package api

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
)

// OpenAPI is an OpenAPI 3.1 document, as much of it as Ladder uses.
type OpenAPI struct {
	OpenAPI    string                           `json:"openapi"`
	Info       Info                             `json:"info"`
	Tags       []Tag                            `json:"tags,omitempty"`
	Security   []map[string][]string            `json:"security,omitempty"`
	Paths      map[string]map[string]*OpenAPIOp `json:"paths"`
	Components Components                       `json:"components"`

	schemas *Schemas
	bodies  map[reflect.Type]*Schema
}

// Info describes the API.
type Info struct {
	Title       string `json:"title"`
	Version     string `json:"version"`
	Description string `json:"description"`
}

// Tag groups operations.
type Tag struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// OpenAPIOp is an operation object.
type OpenAPIOp struct {
	OperationID string                  `json:"operationId"`
	Summary     string                  `json:"summary"`
	Description string                  `json:"description,omitempty"`
	Tags        []string                `json:"tags"`
	Security    *[]map[string][]string  `json:"security,omitempty"` // empty for public operations
	Parameters  []ParamDoc              `json:"parameters,omitempty"`
	RequestBody *RequestBody            `json:"requestBody,omitempty"`
	Responses   map[string]*ResponseDoc `json:"responses"`
}

// ParamDoc is a parameter object.
type ParamDoc struct {
	Name        string  `json:"name"`
	In          string  `json:"in"`
	Required    bool    `json:"required"`
	Description string  `json:"description,omitempty"`
	Schema      *Schema `json:"schema"`
}

// RequestBody is a request body object.
type RequestBody struct {
	Required bool                 `json:"required"`
	Content  map[string]MediaType `json:"content"`
}

// ResponseDoc is a response object.
type ResponseDoc struct {
	Description string               `json:"description"`
	Headers     map[string]HeaderDoc `json:"headers,omitempty"`
	Content     map[string]MediaType `json:"content,omitempty"`
}

// HeaderDoc is a header object.
type HeaderDoc struct {
	Description string  `json:"description"`
	Schema      *Schema `json:"schema"`
}

// MediaType is a media type object.
type MediaType struct {
	Schema *Schema `json:"schema"`
}

// Components holds the named schemas and security schemes.
type Components struct {
	Schemas         map[string]*Schema        `json:"schemas"`
	SecuritySchemes map[string]SecurityScheme `json:"securitySchemes,omitempty"`
}

// SecurityScheme is a security scheme object.
type SecurityScheme struct {
	Type        string `json:"type"`
	Scheme      string `json:"scheme,omitempty"`
	In          string `json:"in,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

const apiDescription = "The JSON API of Ladder: everything the web pages show and change for the signed-in person.\n\n" +
	"Authenticate with a personal access token (`Authorization: Bearer ldr_...`; create one in the settings, with " +
	"`ladder token create` or with POST /api/v1/tokens) or, from the browser, with the session cookie. " +
	"Errors are RFC 9457 problem details (application/problem+json) with a `code` and, for invalid input, " +
	"an `errors` object naming each field. Request bodies are JSON of at most 1 MiB; unknown fields are refused. " +
	"Another person's records answer 404. Responses with O*NET data carry O*NET's attribution."

var tags = []Tag{
	{"profile", "Your profile and your data"},
	{"catalog", "The competency model: roles and competencies"},
	{"assessments", "Self-assessments"},
	{"readiness", "Gaps and readiness"},
	{"onet", "O*NET occupations (O*NET 29.3 by USDOL/ETA, CC BY 4.0)"},
	{"evidence", "The evidence log"},
	{"journal", "The reflection journal"},
	{"plan", "The development plan (70-20-10 guidance, not a measured law)"},
	{"certifications", "Certifications: your status, eligibility (a guide; the issuer decides) and recommendations"},
	{"learning", "Learning items, weekly time logs and the learning streak"},
	{"agenda", "What is due: the agenda and the calendar export"},
	{"tokens", "Personal access tokens"},
	{"meta", "About the API"},
}

var problemType = reflect.TypeFor[httpx.Problem]()

// Document builds the OpenAPI document of ops.
func Document(ops []Operation) *OpenAPI {
	s := NewSchemas()
	doc := &OpenAPI{
		OpenAPI:  "3.1.0",
		Info:     Info{Title: "Ladder API", Version: "1", Description: apiDescription},
		Tags:     tags,
		Security: []map[string][]string{{"bearer": {}}, {"session": {}}},
		Paths:    map[string]map[string]*OpenAPIOp{},
		Components: Components{Schemas: s.Components, SecuritySchemes: map[string]SecurityScheme{
			"bearer": {Type: "http", Scheme: "bearer", Description: "a personal access token, ldr_..."},
			"session": {Type: "apiKey", In: "cookie", Name: httpx.SessionCookie,
				Description: "the web app's session; state-changing requests must come from the same site"},
		}},
		schemas: s,
		bodies:  map[reflect.Type]*Schema{},
	}
	problem := s.For(problemType)
	describeProblem(s.Components["Problem"])
	for _, op := range ops {
		if doc.Paths[op.Path] == nil {
			doc.Paths[op.Path] = map[string]*OpenAPIOp{}
		}
		doc.Paths[op.Path][strings.ToLower(op.Method)] = doc.operation(op, problem)
	}
	return doc
}

// describeProblem documents the problem details, whose type (in httpx)
// carries no tags of the document's.
func describeProblem(p *Schema) {
	p.Description = "An RFC 9457 problem detail."
	code := *p.Properties["code"]
	code.Description = "the error code: what went wrong, for programs"
	for _, c := range []string{ladder.EINVALID, ladder.ENOTFOUND, ladder.ECONFLICT, ladder.EUNAUTHORIZED,
		ladder.EFORBIDDEN, ladder.ETOOMANY, ladder.EINTERNAL} {
		code.Enum = append(code.Enum, c)
	}
	p.Properties["code"] = &code
	errs := *p.Properties["errors"]
	errs.Description = "for invalid input: a message per field, by the field's path (name, ratings[0].level, ratings.delegation)"
	p.Properties["errors"] = &errs
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

func (doc *OpenAPI) operation(op Operation, problem *Schema) *OpenAPIOp {
	s := doc.schemas
	o := &OpenAPIOp{OperationID: op.ID, Summary: op.Summary, Description: op.Description, Tags: []string{op.Tag},
		Responses: map[string]*ResponseDoc{}}
	if op.Public {
		o.Security = &[]map[string][]string{}
	}
	for _, p := range op.PathParams {
		o.Parameters = append(o.Parameters, paramDoc(p, "path"))
	}
	for _, p := range op.Query {
		o.Parameters = append(o.Parameters, paramDoc(p, "query"))
	}
	if op.Body != nil {
		t := reflect.TypeOf(op.Body)
		sc := s.For(t)
		doc.bodies[t] = sc
		o.RequestBody = &RequestBody{Required: true, Content: map[string]MediaType{"application/json": {Schema: sc}}}
	}
	ok := &ResponseDoc{Description: http.StatusText(op.Status)}
	if op.Response != nil {
		ct := op.ContentType
		if ct == "" {
			ct = "application/json"
		}
		ok.Content = map[string]MediaType{ct: {Schema: s.For(reflect.TypeOf(op.Response))}}
	}
	for name, desc := range op.Headers {
		if ok.Headers == nil {
			ok.Headers = map[string]HeaderDoc{}
		}
		ok.Headers[name] = HeaderDoc{Description: desc, Schema: &Schema{Type: "string"}}
	}
	o.Responses[strconv.Itoa(op.Status)] = ok
	for _, st := range ErrorStatuses(op) {
		o.Responses[strconv.Itoa(st)] = &ResponseDoc{Description: http.StatusText(st),
			Content: map[string]MediaType{"application/problem+json": {Schema: problem}}}
	}
	o.Responses["default"] = &ResponseDoc{Description: "Unexpected error",
		Content: map[string]MediaType{"application/problem+json": {Schema: problem}}}
	return o
}

// ErrorStatuses returns the error statuses op documents, sorted: its own
// Errors, 401 unless it is public, 403 if it changes state (cross-origin
// protection), 400, 413 and 415 with a body, 400 with parameters.
func ErrorStatuses(op Operation) []int {
	sts := slices.Clone(op.Errors)
	if !op.Public {
		sts = append(sts, http.StatusUnauthorized)
	}
	if !op.Public && op.Method != http.MethodGet {
		// Cross-origin protection refuses a browser's cross-site request.
		sts = append(sts, http.StatusForbidden)
	}
	if op.Body != nil {
		sts = append(sts, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType)
	}
	if len(op.Query) > 0 || len(op.PathParams) > 0 {
		sts = append(sts, http.StatusBadRequest)
	}
	slices.Sort(sts)
	return slices.Compact(sts)
}

func paramDoc(p Param, in string) ParamDoc {
	sc := &Schema{Type: "string"}
	if p.Integer {
		sc.Type = "integer"
	}
	for _, e := range p.Enum {
		sc.Enum = append(sc.Enum, e)
	}
	return ParamDoc{Name: p.Name, In: in, Required: p.Required || in == "path", Description: p.Description, Schema: sc}
}

// TemplateParams returns the names of the parameters in a path template.
func TemplateParams(path string) []string {
	var out []string
	for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
		out = append(out, m[1])
	}
	return out
}

// UnmarshalJSON reads a schema back from a document: type may be a name or
// a list, additionalProperties a boolean or a schema.
func (s *Schema) UnmarshalJSON(b []byte) error {
	type plain Schema
	var aux struct {
		plain
		Type                 json.RawMessage `json:"type,omitempty"`
		AdditionalProperties json.RawMessage `json:"additionalProperties,omitempty"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*s = Schema(aux.plain)
	if len(aux.Type) > 0 {
		if aux.Type[0] == '[' {
			var ts []string
			if err := json.Unmarshal(aux.Type, &ts); err != nil {
				return err
			}
			s.Type = ts
		} else {
			var t string
			if err := json.Unmarshal(aux.Type, &t); err != nil {
				return err
			}
			s.Type = t
		}
	}
	if len(aux.AdditionalProperties) > 0 {
		if aux.AdditionalProperties[0] == '{' {
			var ap Schema
			if err := json.Unmarshal(aux.AdditionalProperties, &ap); err != nil {
				return err
			}
			s.AdditionalProperties = &ap
		} else {
			var ap bool
			if err := json.Unmarshal(aux.AdditionalProperties, &ap); err != nil {
				return err
			}
			s.AdditionalProperties = ap
		}
	}
	return nil
}
