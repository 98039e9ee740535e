package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

// recipesSection is the README's section of recipes for running the
// shards of a migration on a scheduler.
const recipesSection = "Split a migration over machines"

// kubeJob is the part of a Kubernetes Job that the README's recipes use;
// a key it does not know fails the test (a misspelt key would be ignored
// by kubectl only with a warning).
type kubeJob struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    int    `yaml:"completions"`
		Parallelism    int    `yaml:"parallelism"`
		Template       struct {
			Spec struct {
				RestartPolicy string `yaml:"restartPolicy"`
				Containers    []struct {
					Name         string   `yaml:"name"`
					Image        string   `yaml:"image"`
					WorkingDir   string   `yaml:"workingDir"`
					Command      []string `yaml:"command"`
					VolumeMounts []struct {
						Name      string `yaml:"name"`
						MountPath string `yaml:"mountPath"`
					} `yaml:"volumeMounts"`
				} `yaml:"containers"`
				Volumes []struct {
					Name                  string `yaml:"name"`
					PersistentVolumeClaim struct {
						ClaimName string `yaml:"claimName"`
					} `yaml:"persistentVolumeClaim"`
				} `yaml:"volumes"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

// readJob reads a README block as a Kubernetes Job, and gives the shell
// script its one container runs.
func readJob(t *testing.T, b mdBlock) (kubeJob, string) {
	t.Helper()
	var job kubeJob
	dec := yaml.NewDecoder(strings.NewReader(strings.Join(b.lines, "\n")))
	dec.KnownFields(true)
	require.NoError(t, dec.Decode(&job), "README: the YAML of a Job")
	assert.Equal(t, "batch/v1", job.APIVersion)
	assert.Equal(t, "Job", job.Kind)
	assert.Equal(t, "Never", job.Spec.Template.Spec.RestartPolicy)
	pod := job.Spec.Template.Spec
	require.Len(t, pod.Containers, 1)
	c := pod.Containers[0]
	require.Len(t, c.Command, 3)
	assert.Equal(t, []string{"sh", "-c"}, c.Command[:2])
	require.Len(t, c.VolumeMounts, 1)
	require.Len(t, pod.Volumes, 1)
	assert.Equal(t, c.WorkingDir, c.VolumeMounts[0].MountPath, "the commands' relative paths are on the volume")
	assert.Equal(t, pod.Volumes[0].Name, c.VolumeMounts[0].Name)
	assert.NotEmpty(t, pod.Volumes[0].PersistentVolumeClaim.ClaimName)
	return job, c.Command[2]
}

// shellFor is a README line as the shell runs it here: a GNU parallel
// line becomes a loop of background jobs unless haveParallel.
func shellFor(line string, haveParallel bool) string {
	rest, ok := strings.CutPrefix(line, "parallel ")
	if !ok || haveParallel {
		return line
	}
	cmd, args, _ := strings.Cut(rest, " ::: ")
	// wait on each pid, which gives its status even when it has ended.
	return "fail=0 pids=; for x in " + args + "; do " + strings.ReplaceAll(cmd, "{}", "$x") +
		" & pids=\"$pids $!\"; done; for p in $pids; do wait $p || fail=1; done; exit $fail"
}

// runEach runs script with bash in dir once for each value of the
// environment variable name from 0 to n-1, side by side, and fails the
// test if any run fails.
func runEach(t *testing.T, dir string, env []string, script, name string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]string, n)
	for i := range n {
		wg.Go(func() {
			c := exec.Command("bash", "-c", script)
			var out bytes.Buffer
			c.Dir, c.Env, c.Stdout, c.Stderr = dir, append(slices.Clone(env), fmt.Sprintf("%s=%d", name, i)), &out, &out
			if err := c.Run(); err != nil {
				errs[i] = fmt.Sprintf("%s=%d: %v\n%s", name, i, err, out.String())
			}
		})
	}
	wg.Wait()
	for _, e := range errs {
		assert.Empty(t, e)
	}
}

// migrateCall is the replykit migrate command of a recipe, with the
// shard's index written {} however the recipe gets it.
var migrateCall = regexp.MustCompile(`replykit migrate [^;|]*`)

// shardCall is the replykit migrate command of a recipe's script, its
// quotes left out and the shard's index, written index there, as {}.
func shardCall(script, index string) string {
	script, _, _ = strings.Cut(script, " ::: ") // GNU parallel's arguments
	call := strings.ReplaceAll(strings.TrimSpace(migrateCall.FindString(script)), `"`, "")
	return strings.ReplaceAll(call, index+"/", "{}/")
}

// runRecipes runs the README's recipes for shards as written, in dir (a
// clone holding the sample inputs, replykit on env's PATH): GNU parallel,
// the Slurm array (its script once for each task, then the merge it
// submits) and the Kubernetes Indexed Job (its pod's command once for
// each index, then the merge Job's), each into a fresh out/, which must
// then be, file for file, what one run writes.
func runRecipes(t *testing.T, blocks []mdBlock, dir string, env []string) {
	var bash, yamls []mdBlock
	for _, b := range blocks {
		switch {
		case b.section != recipesSection:
		case b.lang == "bash":
			bash = append(bash, b)
		case b.lang == "yaml":
			yamls = append(yamls, b)
		}
	}
	require.Len(t, bash, 4, "README: the recipes' shell blocks: parallel, the Slurm script, its submission, kubectl")
	require.Len(t, yamls, 2, "README: the Jobs of the shards and of the merge")
	_, stderr, err := sh(dir, env, "replykit migrate -q -o single/ mirror/ old-site.zip crawl.tar.gz")
	require.NoError(t, err, stderr)
	want := treetest.Read(t, filepath.Join(dir, "single"))
	out := filepath.Join(dir, "out")
	merged := func(recipe string) {
		t.Helper()
		assert.NoDirExists(t, filepath.Join(out, migrate.ShardDir), recipe)
		treetest.Equal(t, want, treetest.Read(t, out), recipe)
	}

	// GNU parallel.
	require.NoError(t, os.RemoveAll(out))
	parallel := bash[0].lines
	require.Len(t, parallel, 2)
	require.True(t, strings.HasPrefix(parallel[0], "parallel replykit migrate "), parallel[0])
	_, err = exec.LookPath("parallel")
	haveParallel := err == nil
	if !haveParallel {
		t.Logf("no GNU parallel: its line is run as a shell loop")
	}
	for _, l := range parallel {
		stdout, stderr, err := sh(dir, env, shellFor(l, haveParallel))
		require.NoError(t, err, "README: %s\n%s%s", l, stdout, stderr)
	}
	merged("GNU parallel")
	call := shardCall(parallel[0], "{}")

	// Slurm: the array's script for each task, then the merge submitted.
	require.NoError(t, os.RemoveAll(out))
	script := strings.Join(bash[1].lines, "\n") + "\n"
	require.True(t, strings.HasPrefix(script, "#!/bin/bash\n"))
	arr := regexp.MustCompile(`(?m)^#SBATCH --array=0-([0-9]+)$`).FindStringSubmatch(script)
	require.NotNil(t, arr, "README: the Slurm script's #SBATCH --array=0-N")
	last, _ := strconv.Atoi(arr[1])
	runEach(t, dir, env, script, "SLURM_ARRAY_TASK_ID", last+1)
	submit := strings.Join(bash[2].lines, "\n")
	assert.Contains(t, submit, "sbatch --parsable shards.sbatch")
	assert.Contains(t, submit, "--dependency=afterok:$jobid")
	wrap := regexp.MustCompile(`--wrap "([^"]+)"`).FindStringSubmatch(submit)
	require.NotNil(t, wrap, "README: the merge job's --wrap")
	stdout, stderr, err := sh(dir, env, wrap[1])
	require.NoError(t, err, "README: %s\n%s%s", wrap[1], stdout, stderr)
	merged("Slurm")
	assert.Equal(t, call, shardCall(script, "$SLURM_ARRAY_TASK_ID"), "the Slurm script runs the command of the other recipes")
	assert.Contains(t, call, fmt.Sprintf("{}/%d ", last+1))

	// Kubernetes: the Indexed Job's pods, then the merge Job's.
	require.NoError(t, os.RemoveAll(out))
	shards, shardScript := readJob(t, yamls[0])
	assert.Equal(t, "Indexed", shards.Spec.CompletionMode)
	require.Positive(t, shards.Spec.Completions)
	assert.Contains(t, call, fmt.Sprintf("{}/%d ", shards.Spec.Completions))
	runEach(t, dir, env, shardScript, "JOB_COMPLETION_INDEX", shards.Spec.Completions)
	merge, mergeScript := readJob(t, yamls[1])
	assert.Equal(t, shards.Spec.Template.Spec.Volumes, merge.Spec.Template.Spec.Volumes)
	stdout, stderr, err = sh(dir, env, mergeScript)
	require.NoError(t, err, "README: %s\n%s%s", mergeScript, stdout, stderr)
	merged("Kubernetes")
	assert.Equal(t, call, shardCall(shardScript, "$JOB_COMPLETION_INDEX"), "the pods run the command of the other recipes")
	assert.Equal(t, []string{
		"kubectl apply -f shards.yaml",
		"kubectl wait --for=condition=complete --timeout=24h job/" + shards.Metadata.Name,
		"kubectl apply -f merge.yaml",
	}, bash[3].lines)
}

// TestShellFor: the loop that stands for GNU parallel runs the command
// once for each argument and fails when one run fails, as parallel does.
func TestShellFor(t *testing.T) {
	line := "parallel echo shard {}/3 ::: $(seq 0 2)"
	assert.Equal(t, line, shellFor(line, true))
	assert.Equal(t, "replykit report merge out/", shellFor("replykit report merge out/", false))
	stdout, _, err := sh(t.TempDir(), nil, shellFor(line, false))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	slices.Sort(lines)
	assert.Equal(t, []string{"shard 0/3", "shard 1/3", "shard 2/3"}, lines)
	_, _, err = sh(t.TempDir(), nil, shellFor("parallel test {} -lt 2 ::: 0 1 2", false))
	assert.Error(t, err, "one run of three fails")
	_, _, err = sh(t.TempDir(), nil, shellFor("parallel test {} -lt 3 ::: 0 1 2", false))
	assert.NoError(t, err)
}
