// Offline validation of deploy/kubernetes (no cluster needed): renders every overlay as `kubectl apply -k` would
// (resources, labels, JSON 6902 patches: the parts of kustomize the manifests use; anything else is refused rather
// than ignored), validates each object against the Kubernetes schemas of kubernetes-models, and checks what the
// schemas cannot know: probe paths and ports against the silo, references between the objects, and that every
// setting, Secret and key the manifests use is documented in README.md.
//
//   node validate.mjs [--manifests DIR] [--readme FILE] [--silo DIR]
// Exits 1 on any finding; `./ozg test` runs it through tests/OzgGrid.Silo.Tests/KubernetesManifestTests.cs.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, resolve, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const options = parseArguments(process.argv.slice(2));
const manifests = resolve(options.manifests ?? join(repo, "deploy/kubernetes"));
const readme = readFileSync(resolve(options.readme ?? join(repo, "README.md")), "utf8");
const silo = resolve(options.silo ?? join(repo, "services/OzgGrid.Silo"));

const findings = [];
let checks = 0;
const check = (ok, where, message) => {
  checks++;
  if (!ok) findings.push(`${where}: ${message}`);
};

const overlaysDir = join(manifests, "overlays");
const overlays = existsSync(overlaysDir) ? readdirSync(overlaysDir).filter((n) => statSync(join(overlaysDir, n)).isDirectory()) : [];
check(overlays.length > 0, relative(repo, manifests), "no overlays (overlays/<store>/kustomization.yaml) found");

const reached = new Set();
for (const overlay of overlays) {
  const where = `overlay ${overlay}`;
  let objects;
  try {
    objects = render(join(overlaysDir, overlay), reached);
  } catch (failure) {
    check(false, where, failure.message);
    continue;
  }
  for (const object of objects) {
    await validateSchema(object, `${where}: ${object.kind}/${object.metadata?.name}`);
  }
  checkOzgGrid(objects, where);
}

for (const file of yamlFiles(manifests)) {
  check(reached.has(file), relative(repo, file), "is not reached from any overlay's kustomization.yaml");
}

for (const finding of findings) console.error(`FAIL ${finding}`);
console.log(`kubernetes manifests: ${overlays.length} overlays, ${checks} checks, ${findings.length} failed`);
process.exit(findings.length === 0 ? 0 : 1);

// ------------------------------------------------------------------------------------------------ rendering ----

function render(directory, reached) {
  const file = join(directory, "kustomization.yaml");
  if (!existsSync(file)) throw new Error(`${relative(repo, directory)} has no kustomization.yaml`);
  reached.add(file);
  const kustomization = loadYaml(file)[0];
  const known = new Set(["apiVersion", "kind", "resources", "labels", "patches"]);
  for (const key of Object.keys(kustomization)) {
    if (!known.has(key)) throw new Error(`${relative(repo, file)}: "${key}" is not rendered by this check; extend validate.mjs`);
  }

  let objects = [];
  for (const resource of kustomization.resources ?? []) {
    const path = resolve(directory, resource);
    if (!existsSync(path)) throw new Error(`${relative(repo, file)}: resource ${resource} does not exist`);
    if (statSync(path).isDirectory()) {
      objects.push(...render(path, reached));
    } else {
      reached.add(path);
      objects.push(...loadYaml(path));
    }
  }

  for (const { pairs, includeSelectors, includeTemplates } of kustomization.labels ?? []) {
    if (includeSelectors || includeTemplates) throw new Error(`${relative(repo, file)}: labels on selectors/templates are not rendered by this check`);
    for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...pairs };
  }

  for (const { target, patch, path } of kustomization.patches ?? []) {
    if (path) throw new Error(`${relative(repo, file)}: patch files are not rendered by this check; patch inline`);
    const matching = objects.filter((o) => o.kind === target.kind && o.metadata.name === target.name
      && o.apiVersion === (target.group ? `${target.group}/${target.version}` : target.version));
    if (matching.length !== 1) throw new Error(`${relative(repo, file)}: patch target ${target.kind}/${target.name} matches ${matching.length} objects`);
    for (const operation of loadYamlText(patch, file)[0]) applyOperation(matching[0], operation, file);
  }
  return objects;
}

/** JSON 6902 add/replace on object paths and arrays (with "-" for the end): the operations the overlays use. */
function applyOperation(object, { op, path, value }, file) {
  if (op !== "add" && op !== "replace") throw new Error(`${relative(repo, file)}: patch op "${op}" is not rendered by this check`);
  const steps = path.split("/").slice(1).map((step) => step.replaceAll("~1", "/").replaceAll("~0", "~"));
  let node = object;
  for (const step of steps.slice(0, -1)) {
    node = node?.[Array.isArray(node) ? Number(step) : step];
    if (node === undefined) throw new Error(`${relative(repo, file)}: patch path ${path} does not exist`);
  }
  const last = steps.at(-1);
  if (Array.isArray(node)) {
    if (last === "-") node.push(value);
    else if (op === "add") node.splice(Number(last), 0, value);
    else node[Number(last)] = value;
  } else {
    if (op === "replace" && !(last in node)) throw new Error(`${relative(repo, file)}: patch path ${path} does not exist`);
    node[last] = value;
  }
}

function loadYaml(file) {
  return loadYamlText(readFileSync(file, "utf8"), file);
}

function loadYamlText(text, file) {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(`${relative(repo, file)}: ${document.errors[0].message}`);
    return document.toJS();
  }).filter((document) => document !== null);
}

function yamlFiles(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

// ------------------------------------------------------------------------------------------------- schemas ----

async function validateSchema(object, where) {
  // "apps/v1" -> kubernetes-models/apps/v1, "v1" -> kubernetes-models/v1; each exports a class per kind.
  let model;
  try {
    model = (await import(`kubernetes-models/${object.apiVersion}`))[object.kind];
  } catch {
    model = undefined;
  }
  check(model !== undefined, where, `unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
  if (model === undefined) return;
  try {
    new model(object).validate();
    check(true, where, "");
  } catch (failure) {
    check(false, where, failure.message);
  }
}

// -------------------------------------------------------------------------------------------- OzgGrid checks ----

function checkOzgGrid(objects, where) {
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  check(byKind("Secret").length === 0, where, "a Secret is in the repository: secrets are created by the operator (README)");

  const deployments = byKind("Deployment");
  check(deployments.length === 1, where, `expected one silo Deployment, found ${deployments.length}`);
  const deployment = deployments[0];
  if (!deployment) return;
  const pod = deployment.spec.template;
  const container = pod.spec.containers[0];
  const env = container.env ?? [];
  const config = Object.assign({}, ...(container.envFrom ?? []).map((source) => {
    const map = source.configMapRef && named("ConfigMap", source.configMapRef.name);
    check(!source.configMapRef || map, where, `envFrom names ConfigMap ${source.configMapRef?.name}, which is not in the manifests`);
    return map?.data ?? {};
  }));
  const setting = (name) => env.find((e) => e.name === name)?.value ?? config[name];

  // The silo's ports: the Kestrel endpoints and the silo port must be the container's named ports.
  const port = (name) => container.ports?.find((p) => p.name === name)?.containerPort;
  const url = (endpoint) => setting(`Kestrel__Endpoints__${endpoint}__Url`);
  for (const [endpoint, name] of [["Grpc", "grpc"], ["Http", "http"]]) {
    const configured = url(endpoint);
    check(configured !== undefined, where, `Kestrel__Endpoints__${endpoint}__Url is not set`);
    if (configured !== undefined) {
      check(Number(new URL(configured).port) === port(name), where, `${endpoint} endpoint ${configured} is not the container port "${name}" (${port(name)})`);
      check(new URL(configured).hostname === "0.0.0.0", where, `${endpoint} endpoint ${configured} listens on ${new URL(configured).hostname}, not 0.0.0.0: unreachable from outside the pod`);
    }
  }
  check(Number(setting("OzgGrid__Cluster__SiloPort") ?? 11111) === port("silo"), where, `OzgGrid__Cluster__SiloPort is not the container port "silo" (${port("silo")})`);

  // Probes: on the operations endpoint, at paths the silo maps, in its scheme.
  const health = readFileSync(join(silo, "Hosting/HealthRegistration.cs"), "utf8");
  const paths = [...health.matchAll(/const string \w+Path = "([^"]+)"/g)].map((m) => m[1]);
  check(paths.length > 0, where, "no health paths found in the silo's HealthRegistration.cs");
  for (const probeName of ["startupProbe", "livenessProbe", "readinessProbe"]) {
    const probe = container[probeName]?.httpGet;
    check(probe !== undefined, where, `${probeName} is missing or not an httpGet`);
    if (!probe) continue;
    check(paths.includes(probe.path), where, `${probeName} path ${probe.path} is not one the silo maps (${paths.join(", ")})`);
    check(probe.port === "http" || probe.port === port("http"), where, `${probeName} is not on the operations endpoint (port "http")`);
    const scheme = url("Http") && new URL(url("Http")).protocol === "https:" ? "HTTPS" : "HTTP";
    check((probe.scheme ?? "HTTP") === scheme, where, `${probeName} scheme ${probe.scheme ?? "HTTP"} but the operations endpoint serves ${scheme}`);
  }
  check(container.readinessProbe?.httpGet?.path === paths.find((p) => p.endsWith("ready")), where, "readinessProbe must ask the readiness path");
  check(container.livenessProbe?.httpGet?.path === paths.find((p) => p.endsWith("live")), where, "livenessProbe must ask the liveness path (a storage outage must not restart every silo)");

  // Services and the other objects must find the silo pods and their ports.
  const selects = (selector) => Object.entries(selector ?? {}).every(([k, v]) => pod.metadata.labels?.[k] === v);
  check(selects(deployment.spec.selector.matchLabels), where, "the Deployment's selector does not match its pod labels");
  for (const service of byKind("Service")) {
    check(selects(service.spec.selector) && Object.keys(service.spec.selector ?? {}).length > 0, where, `Service ${service.metadata.name} does not select the silo pods`);
    for (const p of service.spec.ports) {
      check(typeof p.targetPort === "string" ? port(p.targetPort) !== undefined : container.ports.some((c) => c.containerPort === p.targetPort),
        where, `Service ${service.metadata.name} targets port ${p.targetPort}, which the silo container does not have`);
    }
  }
  check(byKind("Service").length >= 2, where, "expected a Service for gRPC and one for HTTP");
  for (const budget of byKind("PodDisruptionBudget")) check(selects(budget.spec.selector.matchLabels), where, `PodDisruptionBudget ${budget.metadata.name} does not select the silo pods`);
  check(byKind("PodDisruptionBudget").length === 1, where, "expected one PodDisruptionBudget");
  const autoscalers = byKind("HorizontalPodAutoscaler");
  check(autoscalers.length === 1, where, "expected one HorizontalPodAutoscaler");
  for (const hpa of autoscalers) {
    check(hpa.spec.scaleTargetRef.kind === "Deployment" && hpa.spec.scaleTargetRef.name === deployment.metadata.name, where, "the HorizontalPodAutoscaler does not scale the silo Deployment");
    check(container.resources?.requests?.cpu !== undefined, where, "the autoscaler scales on CPU, but the silo requests no CPU");
  }

  // Microsoft.Orleans.Hosting.Kubernetes: the pod's identity from the downward API, and the right to watch pods.
  const fieldRef = (name) => env.find((e) => e.name === name)?.valueFrom?.fieldRef?.fieldPath;
  check(fieldRef("POD_NAMESPACE") === "metadata.namespace", where, "POD_NAMESPACE must come from metadata.namespace (it switches on the Kubernetes hosting)");
  check(fieldRef("POD_NAME") === "metadata.name", where, "POD_NAME must come from metadata.name");
  check(fieldRef("POD_IP") === "status.podIP", where, "POD_IP must come from status.podIP");
  for (const [variable, label] of [["ORLEANS_SERVICE_ID", "orleans/serviceId"], ["ORLEANS_CLUSTER_ID", "orleans/clusterId"]]) {
    check(fieldRef(variable) === `metadata.labels['${label}']` && pod.metadata.labels?.[label], where, `${variable} must come from the pod label ${label}, which must be set`);
  }
  check(pod.spec.automountServiceAccountToken !== false, where, "the silo pods must mount their ServiceAccount's token (the Kubernetes hosting reads the pods with it)");
  const account = pod.spec.serviceAccountName;
  check(account && named("ServiceAccount", account), where, `the silo pods' ServiceAccount ${account} is not in the manifests`);
  const binding = byKind("RoleBinding").find((b) => b.subjects?.some((s) => s.kind === "ServiceAccount" && s.name === account));
  const role = binding && named("Role", binding.roleRef.name);
  const podRule = role?.rules?.find((r) => r.apiGroups?.includes("") && r.resources?.includes("pods"));
  for (const verb of ["get", "list", "watch", "delete"]) {
    check(podRule?.verbs?.includes(verb), where, `the silos' ServiceAccount may not ${verb} pods (Microsoft.Orleans.Hosting.Kubernetes needs it)`);
  }

  // The store: an OzgGrid storage provider the silo knows.
  const providers = [...readFileSync(join(silo, "Hosting/StorageProvider.cs"), "utf8").matchAll(/^\s+(\w+)\s*(?:=\s*\d+)?,?\s*$/gm)].map((m) => m[1]);
  check(providers.includes(setting("OzgGrid__Storage__Provider")), where, `OzgGrid__Storage__Provider ${setting("OzgGrid__Storage__Provider")} is none of ${providers.join(", ")}`);

  // Documentation: every setting (as Key:Sub in README's tables), every Secret and key, every ConfigMap.
  const settings = new Set([...Object.keys(config), ...env.map((e) => e.name)]);
  for (const name of settings) {
    if (!/^(OzgGrid|Kestrel)__/.test(name)) continue;
    const documented = name.replace(/__\d+$/, "").replaceAll("__", ":");
    // A table row may name siblings after the first ("`OzgGrid:Cluster:ServiceId` / `ClusterId`").
    const [parent, last] = [documented.slice(0, documented.lastIndexOf(":")), documented.slice(documented.lastIndexOf(":") + 1)];
    const inTable = readme.split("\n").some((line) => line.includes(`\`${documented}\``) || (line.includes(`\`${parent}:`) && line.includes(`\`${last}\``)));
    check(inTable, where, `setting ${name} (${documented}) is not documented in README.md`);
  }
  const section = readme.split(/^## Running in a Land's data centre/m)[1]?.split(/^## /m)[0];
  check(section !== undefined, where, `README.md has no section "## Running in a Land's data centre"`);
  for (const object of objects) {
    for (const { name, key } of secretReferences(object)) {
      check(section?.includes(name) && (key === undefined || section.includes(key)), where,
        `${object.kind}/${object.metadata.name} uses Secret ${name}${key ? ` key ${key}` : ""}, not documented in README "Running in a Land's data centre"`);
    }
  }
  for (const map of byKind("ConfigMap")) check(section?.includes(map.metadata.name), where, `ConfigMap ${map.metadata.name} is not documented in README "Running in a Land's data centre"`);
}

/** The Secrets an object's pods use: secretKeyRef (name and key), envFrom secretRef and secret volumes (name only). */
function secretReferences(object) {
  const spec = object.spec?.template?.spec;
  if (!spec) return [];
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  return [
    ...containers.flatMap((c) => (c.env ?? []).map((e) => e.valueFrom?.secretKeyRef).filter(Boolean)),
    ...containers.flatMap((c) => (c.envFrom ?? []).map((e) => e.secretRef).filter(Boolean)),
    ...(spec.volumes ?? []).map((v) => v.secret && { name: v.secret.secretName }).filter(Boolean),
  ];
}

function parseArguments(args) {
  const parsed = {};
  for (let i = 0; i < args.length; i += 2) {
    if (!args[i].startsWith("--") || args[i + 1] === undefined) {
      console.error(`usage: node validate.mjs [--manifests DIR] [--readme FILE] [--silo DIR]`);
      process.exit(2);
    }
    parsed[args[i].slice(2)] = args[i + 1];
  }
  return parsed;
}
