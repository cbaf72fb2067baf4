package vet

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlScalar writes s as a YAML scalar: plain where YAML reads it back as
// the same string, double-quoted otherwise.
func yamlScalar(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: s, Tag: "!!str"}
	b, err := yaml.Marshal(n)
	if err != nil {
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
	out := strings.TrimSuffix(string(b), "\n")
	if strings.HasPrefix(out, "|") || strings.HasPrefix(out, ">") || strings.Contains(out, "\n") || strings.ContainsAny(out, "{}[],") && !strings.HasPrefix(out, `"`) && !strings.HasPrefix(out, "'") {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
	}
	return out
}
