package bag

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// PREMISNamespace is the PREMIS v3 namespace.
const PREMISNamespace = "http://www.loc.gov/premis/v3"

// premis is a page's light PREMIS v3 record: its three files as objects
// with SHA-256 fixity, its capture and migration events, and replykit.
type premis struct {
	XMLName xml.Name  `xml:"premis:premis"`
	NS      string    `xml:"xmlns:premis,attr"`
	Version string    `xml:"version,attr"`
	Objects []pObject `xml:"premis:object"`
	Events  []pEvent  `xml:"premis:event"`
	Agent   pAgent    `xml:"premis:agent"`
}

type pID struct {
	Type  string `xml:"premis:objectIdentifierType"`
	Value string `xml:"premis:objectIdentifierValue"`
}

type pObject struct {
	Type  string `xml:"xsi:type,attr"`
	XSI   string `xml:"xmlns:xsi,attr"`
	ID    pID    `xml:"premis:objectIdentifier"`
	Chars pChars `xml:"premis:objectCharacteristics"`
	Name  string `xml:"premis:originalName,omitempty"`
}

type pChars struct {
	Level  int    `xml:"premis:compositionLevel"`
	Fixity pFix   `xml:"premis:fixity"`
	Size   int64  `xml:"premis:size"`
	Format string `xml:"premis:format>premis:formatDesignation>premis:formatName"`
}

type pFix struct {
	Algorithm string `xml:"premis:messageDigestAlgorithm"`
	Digest    string `xml:"premis:messageDigest"`
}

type pEvent struct {
	ID      pEventID      `xml:"premis:eventIdentifier"`
	Type    string        `xml:"premis:eventType"`
	When    string        `xml:"premis:eventDateTime"`
	Detail  string        `xml:"premis:eventDetailInformation>premis:eventDetail"`
	Outcome pOutcome      `xml:"premis:eventOutcomeInformation"`
	Agent   *pLinkAgent   `xml:"premis:linkingAgentIdentifier,omitempty"`
	Objects []pLinkObject `xml:"premis:linkingObjectIdentifier"`
}

type pEventID struct {
	Type  string `xml:"premis:eventIdentifierType"`
	Value string `xml:"premis:eventIdentifierValue"`
}

type pOutcome struct {
	Outcome string   `xml:"premis:eventOutcome"`
	Details *pDetail `xml:"premis:eventOutcomeDetail,omitempty"`
}

// pDetail is an event's outcome detail: one note a reader warning.
type pDetail struct {
	Notes []string `xml:"premis:eventOutcomeDetailNote"`
}

type pLinkAgent struct {
	Type  string `xml:"premis:linkingAgentIdentifierType"`
	Value string `xml:"premis:linkingAgentIdentifierValue"`
	Role  string `xml:"premis:linkingAgentRole"`
}

type pLinkObject struct {
	Type  string `xml:"premis:linkingObjectIdentifierType"`
	Value string `xml:"premis:linkingObjectIdentifierValue"`
	Role  string `xml:"premis:linkingObjectRole"`
}

type pAgent struct {
	ID      pAgentID `xml:"premis:agentIdentifier"`
	Name    string   `xml:"premis:agentName"`
	Type    string   `xml:"premis:agentType"`
	Version string   `xml:"premis:agentVersion"`
}

type pAgentID struct {
	Type  string `xml:"premis:agentIdentifierType"`
	Value string `xml:"premis:agentIdentifierValue"`
}

// premisOf makes a page's PREMIS record. The capture event is there when
// the page gives its URL; its date is the page's publish date when given,
// else unknown ("XXXX" in EDTF), as the page itself does not say when it
// was saved.
func (w *Writer) premisOf(m meta) premis {
	p := premis{NS: PREMISNamespace, Version: "3.0"}
	formats := []string{"text/html", "application/json", "text/html"}
	if strings.HasSuffix(m.objects[0].rel, ".txt") {
		formats[0] = "text/plain"
	}
	for i, o := range m.objects {
		obj := pObject{Type: "premis:file", XSI: "http://www.w3.org/2001/XMLSchema-instance",
			ID:    pID{Type: "local", Value: o.rel},
			Chars: pChars{Fixity: pFix{Algorithm: "SHA-256", Digest: o.sha256}, Size: o.size, Format: formats[i]}}
		if i == 0 {
			obj.Name = m.e.Path
		}
		p.Objects = append(p.Objects, obj)
	}
	agent := &pLinkAgent{Type: "local", Value: "replykit", Role: "executing program"}
	link := func(i int, role string) pLinkObject {
		return pLinkObject{Type: "local", Value: m.objects[i].rel, Role: role}
	}
	if m.r.Page.URL != "" {
		when := m.r.Page.Published.String()
		if when == "" {
			when = "XXXX"
		}
		p.Events = append(p.Events, pEvent{ID: pEventID{"local", m.objects[0].rel + "#capture"}, Type: "capture",
			When: when, Detail: "page saved from " + m.r.Page.URL,
			Outcome: pOutcome{Outcome: "success"}, Objects: []pLinkObject{link(0, "outcome")}})
	}
	mig := pEvent{ID: pEventID{"local", m.objects[0].rel + "#migration"}, Type: "migration",
		When: w.opts.Now.UTC().Format("2006-01-02T15:04:05Z"), Detail: "read and rendered by " + w.agentName(),
		Outcome: pOutcome{Outcome: "success"}, Agent: agent,
		Objects: []pLinkObject{link(0, "source"), link(1, "outcome"), link(2, "outcome")}}
	if len(m.e.Warnings) > 0 {
		d := &pDetail{}
		for _, wn := range m.e.Warnings {
			d.Notes = append(d.Notes, fmt.Sprintf("%s: %s", wn.Code, wn.Message))
		}
		mig.Outcome = pOutcome{Outcome: "success with warnings", Details: d}
	}
	p.Events = append(p.Events, mig)
	p.Agent = pAgent{ID: pAgentID{"local", "replykit"}, Name: "replykit", Type: "software", Version: w.agentName()}
	return p
}

// agentName is the software agent as the bag names it.
func (w *Writer) agentName() string {
	if a := oneLine(w.opts.Agent); a != "" {
		return a
	}
	return "replykit"
}
