package deploy_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

const (
	baseDir     = "kubernetes/base"
	composeFile = "../docker-compose.yml"
	dockerfile  = "Dockerfile"
)

// doc is one YAML document of a Kubernetes manifest.
type doc struct {
	file string
	kind string
	name string
	node yaml.Node
}

func readDocs(t *testing.T, path string) []doc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []doc
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var head struct {
			Kind     string
			Metadata struct{ Name string }
		}
		if err := n.Decode(&head); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, doc{file: filepath.Base(path), kind: head.Kind, name: head.Metadata.Name, node: n})
	}
	return docs
}

// baseObjects parses every YAML file in the kustomize base, keyed by kind.
func baseObjects(t *testing.T) map[string]doc {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(baseDir, "*.y*ml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no YAML in %s (%v)", baseDir, err)
	}
	objs := map[string]doc{}
	for _, f := range files {
		for _, d := range readDocs(t, f) {
			if d.kind == "" {
				t.Errorf("%s: document without kind", d.file)
			}
			if prev, ok := objs[d.kind]; ok {
				t.Errorf("%s: second %s (first in %s)", d.file, d.kind, prev.file)
			}
			objs[d.kind] = d
		}
	}
	return objs
}

func decode[T any](t *testing.T, objs map[string]doc, kind string) T {
	t.Helper()
	var v T
	d, ok := objs[kind]
	if !ok {
		t.Fatalf("no %s in %s", kind, baseDir)
	}
	if err := d.node.Decode(&v); err != nil {
		t.Fatalf("%s: %v", d.file, err)
	}
	return v
}

type labelSelector struct {
	MatchLabels map[string]string `yaml:"matchLabels"`
}

type probe struct {
	HTTPGet *struct {
		Path string
		Port string
	} `yaml:"httpGet"`
}

type securityContext struct {
	RunAsNonRoot             *bool `yaml:"runAsNonRoot"`
	ReadOnlyRootFilesystem   *bool `yaml:"readOnlyRootFilesystem"`
	AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
	Capabilities             struct{ Drop []string }
	SeccompProfile           struct{ Type string } `yaml:"seccompProfile"`
}

type container struct {
	Name  string
	Image string
	Ports []struct {
		Name          string
		ContainerPort int `yaml:"containerPort"`
	}
	EnvFrom []struct {
		ConfigMapRef *struct{ Name string } `yaml:"configMapRef"`
	} `yaml:"envFrom"`
	Env []struct {
		Name      string
		Value     string
		ValueFrom *struct {
			SecretKeyRef *struct{ Name, Key string } `yaml:"secretKeyRef"`
		} `yaml:"valueFrom"`
	}
	ReadinessProbe  *probe          `yaml:"readinessProbe"`
	LivenessProbe   *probe          `yaml:"livenessProbe"`
	SecurityContext securityContext `yaml:"securityContext"`
	VolumeMounts    []struct {
		Name      string
		MountPath string `yaml:"mountPath"`
	} `yaml:"volumeMounts"`
}

type deployment struct {
	Spec struct {
		Replicas int
		Selector labelSelector
		Template struct {
			Metadata struct{ Labels, Annotations map[string]string }
			Spec     struct {
				SecurityContext               securityContext `yaml:"securityContext"`
				TerminationGracePeriodSeconds int             `yaml:"terminationGracePeriodSeconds"`
				Containers                    []container
				Volumes                       []struct{ Name string }
			}
		}
	}
}

type service struct {
	Spec struct {
		Type     string
		Selector map[string]string
		Ports    []struct {
			Port       int
			TargetPort string `yaml:"targetPort"`
		}
	}
}

type pdb struct {
	Spec struct {
		MinAvailable int `yaml:"minAvailable"`
		Selector     labelSelector
	}
}

type secret struct {
	Metadata   struct{ Name string }
	StringData map[string]string `yaml:"stringData"`
}

func TestKustomization(t *testing.T) {
	var k struct {
		Resources []string
		Labels    []struct {
			Pairs map[string]string
		}
	}
	d := readDocs(t, filepath.Join(baseDir, "kustomization.yaml"))
	if err := d[0].node.Decode(&k); err != nil {
		t.Fatal(err)
	}
	for _, r := range k.Resources {
		if _, err := os.Stat(filepath.Join(baseDir, r)); err != nil {
			t.Errorf("resource %s: %v", r, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(baseDir, "*.y*ml"))
	for _, f := range files {
		if b := filepath.Base(f); b != "kustomization.yaml" && !slices.Contains(k.Resources, b) {
			t.Errorf("%s is in the base folder but not in resources", b)
		}
	}
	if len(k.Labels) == 0 || k.Labels[0].Pairs["app.kubernetes.io/name"] != "teilhabe" {
		t.Errorf("common label app.kubernetes.io/name: teilhabe missing: %+v", k.Labels)
	}
}

func TestDeployment(t *testing.T) {
	objs := baseObjects(t)
	dep := decode[deployment](t, objs, "Deployment")
	spec := dep.Spec.Template.Spec

	if dep.Spec.Replicas != 2 {
		t.Errorf("replicas = %d, want 2", dep.Spec.Replicas)
	}
	if !subset(dep.Spec.Selector.MatchLabels, dep.Spec.Template.Metadata.Labels) {
		t.Errorf("selector %v does not match pod labels %v", dep.Spec.Selector.MatchLabels, dep.Spec.Template.Metadata.Labels)
	}
	if spec.TerminationGracePeriodSeconds < 30 {
		t.Errorf("terminationGracePeriodSeconds = %d", spec.TerminationGracePeriodSeconds)
	}
	if len(spec.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(spec.Containers))
	}
	c := spec.Containers[0]
	if c.Image != "ghcr.io/teilhabe/teilhabe:latest" {
		t.Errorf("image = %q", c.Image)
	}
	if len(c.Ports) != 2 || c.Ports[0].Name != "http" || c.Ports[0].ContainerPort != 8080 ||
		c.Ports[1].Name != "metrics" || c.Ports[1].ContainerPort != 9090 {
		t.Errorf("ports = %+v, want http:8080 and metrics:9090", c.Ports)
	}
	// Prometheus scrapes the pods on the metrics port: /metrics is not served on the public one.
	ann := dep.Spec.Template.Metadata.Annotations
	if ann["prometheus.io/scrape"] != "true" || ann["prometheus.io/port"] != "9090" || ann["prometheus.io/path"] != "/metrics" {
		t.Errorf("pod annotations %v do not scrape /metrics on 9090", ann)
	}

	for _, p := range []struct {
		name  string
		probe *probe
		path  string
	}{
		{"readinessProbe", c.ReadinessProbe, "/readyz"},
		{"livenessProbe", c.LivenessProbe, "/healthz"},
	} {
		if p.probe == nil || p.probe.HTTPGet == nil {
			t.Errorf("%s: no httpGet", p.name)
			continue
		}
		if p.probe.HTTPGet.Path != p.path || p.probe.HTTPGet.Port != "http" {
			t.Errorf("%s = %+v, want %s on port http", p.name, *p.probe.HTTPGet, p.path)
		}
	}

	isTrue := func(b *bool) bool { return b != nil && *b }
	isFalse := func(b *bool) bool { return b != nil && !*b }
	sc, psc := c.SecurityContext, spec.SecurityContext
	for _, ok := range []struct {
		what string
		ok   bool
	}{
		{"runAsNonRoot", isTrue(sc.RunAsNonRoot) || (isTrue(psc.RunAsNonRoot) && sc.RunAsNonRoot == nil)},
		{"readOnlyRootFilesystem", isTrue(sc.ReadOnlyRootFilesystem)},
		{"allowPrivilegeEscalation false", isFalse(sc.AllowPrivilegeEscalation)},
		{"capabilities drop ALL", slices.Contains(sc.Capabilities.Drop, "ALL")},
		{"seccompProfile RuntimeDefault", sc.SeccompProfile.Type == "RuntimeDefault" || psc.SeccompProfile.Type == "RuntimeDefault"},
	} {
		if !ok.ok {
			t.Errorf("securityContext: %s not set", ok.what)
		}
	}

	// Configuration: ConfigMap by envFrom, database URL from the Secret of secret.example.yaml.
	cm := objs["ConfigMap"]
	if len(c.EnvFrom) == 0 || c.EnvFrom[0].ConfigMapRef == nil || c.EnvFrom[0].ConfigMapRef.Name != cm.name {
		t.Errorf("envFrom %+v does not reference ConfigMap %q", c.EnvFrom, cm.name)
	}
	var cmData struct{ Data map[string]string }
	if err := cm.node.Decode(&cmData); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"TEILHABE_BASE_URL", "TEILHABE_LOG_FORMAT", "TEILHABE_ADDR", "TEILHABE_METRICS_ADDR"} {
		if _, ok := cmData.Data[key]; !ok {
			t.Errorf("ConfigMap has no %s", key)
		}
	}
	if cmData.Data["TEILHABE_ADDR"] != ":8080" || cmData.Data["TEILHABE_METRICS_ADDR"] != ":9090" {
		t.Errorf("TEILHABE_ADDR %q, TEILHABE_METRICS_ADDR %q: want :8080 (http) and :9090 (metrics)",
			cmData.Data["TEILHABE_ADDR"], cmData.Data["TEILHABE_METRICS_ADDR"])
	}
	if cmData.Data["TEILHABE_LOG_FORMAT"] != "json" {
		t.Errorf("TEILHABE_LOG_FORMAT = %q, want json", cmData.Data["TEILHABE_LOG_FORMAT"])
	}
	var sec secret
	if err := readDocs(t, "kubernetes/secret.example.yaml")[0].node.Decode(&sec); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range c.Env {
		if e.Name != "TEILHABE_DATABASE_URL" {
			continue
		}
		found = true
		if e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
			t.Errorf("TEILHABE_DATABASE_URL is not from a secretKeyRef")
			continue
		}
		ref := e.ValueFrom.SecretKeyRef
		if ref.Name != "teilhabe-database" || ref.Key != "url" {
			t.Errorf("secretKeyRef = %+v, want teilhabe-database/url", *ref)
		}
		if _, ok := sec.StringData[ref.Key]; sec.Metadata.Name != ref.Name || !ok {
			t.Errorf("secret.example.yaml (%s, keys %v) does not match secretKeyRef %+v", sec.Metadata.Name, sec.StringData, *ref)
		}
	}
	if !found {
		t.Error("TEILHABE_DATABASE_URL not set")
	}

	// Every mount has a volume; /data is mounted (the root filesystem is read-only).
	mounts := map[string]string{}
	for _, m := range c.VolumeMounts {
		mounts[m.MountPath] = m.Name
		if !slices.ContainsFunc(spec.Volumes, func(v struct{ Name string }) bool { return v.Name == m.Name }) {
			t.Errorf("volumeMount %s: no volume %q", m.MountPath, m.Name)
		}
	}
	if _, ok := mounts["/data"]; !ok {
		t.Error("nothing mounted at /data")
	}
}

func TestServiceAndPDB(t *testing.T) {
	objs := baseObjects(t)
	dep := decode[deployment](t, objs, "Deployment")
	podLabels := dep.Spec.Template.Metadata.Labels
	ports := map[string]bool{}
	for _, c := range dep.Spec.Template.Spec.Containers {
		for _, p := range c.Ports {
			ports[p.Name] = true
		}
	}

	svc := decode[service](t, objs, "Service")
	if svc.Spec.Type != "ClusterIP" {
		t.Errorf("Service type = %q", svc.Spec.Type)
	}
	if len(svc.Spec.Selector) == 0 || !subset(svc.Spec.Selector, podLabels) {
		t.Errorf("Service selector %v does not match pod labels %v", svc.Spec.Selector, podLabels)
	}
	if len(svc.Spec.Ports) != 1 || svc.Spec.Ports[0].Port != 80 || svc.Spec.Ports[0].TargetPort != "http" || !ports["http"] {
		t.Errorf("Service ports = %+v, want only 80 -> http (metrics stay off the Service)", svc.Spec.Ports)
	}

	p := decode[pdb](t, objs, "PodDisruptionBudget")
	if p.Spec.MinAvailable != 1 {
		t.Errorf("PDB minAvailable = %d", p.Spec.MinAvailable)
	}
	if len(p.Spec.Selector.MatchLabels) == 0 || !subset(p.Spec.Selector.MatchLabels, podLabels) {
		t.Errorf("PDB selector %v does not match pod labels %v", p.Spec.Selector.MatchLabels, podLabels)
	}
}

// TestKustomizeBuild renders the base when kubectl is installed.
func TestKustomizeBuild(t *testing.T) {
	kubectl, err := exec.LookPath("kubectl")
	if err != nil {
		t.Skip("kubectl not installed")
	}
	out, err := exec.Command(kubectl, "kustomize", baseDir).CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl kustomize: %v\n%s", err, out)
	}
	dec := yaml.NewDecoder(bytes.NewReader(out))
	var kinds []string
	for {
		var o struct{ Kind string }
		if err := dec.Decode(&o); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, o.Kind)
	}
	slices.Sort(kinds)
	if want := []string{"ConfigMap", "Deployment", "PodDisruptionBudget", "Service"}; !slices.Equal(kinds, want) {
		t.Errorf("rendered %v, want %v", kinds, want)
	}
}

func subset(sub, super map[string]string) bool {
	for k, v := range sub {
		if super[k] != v {
			return false
		}
	}
	return true
}
