#!/usr/bin/env bash
# Local OpenSearch nodes for tests and development (`make cluster`, `make cluster-stop`): Maven
# brings the jars, each node runs in a JVM of its own, its files under var/cluster/<name>/node-<i>/.
#
#   cluster/cluster.sh start [--name NAME] [--nodes N] [--node I]   start (or restart node I), wait for green
#   cluster/cluster.sh stop  [--name NAME] [--node I] [--kill]      stop cleanly (SIGTERM), or SIGKILL a node
#   cluster/cluster.sh env   [--name NAME]                          the settings to export
#   cluster/cluster.sh status|clean [--name NAME]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE=$ROOT/cluster
VAR=$ROOT/var/cluster
LAUNCHER=org.kb.cluster.Launcher
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
HEAP=${KB_CLUSTER_HEAP:--Xms512m -Xmx1g}
WAIT=${KB_CLUSTER_WAIT:-240}
# What the distribution's own start script gives every node, less what only a packaged install needs.
JVM_FLAGS=(-Dfile.encoding=UTF-8 -Djava.awt.headless=true -Djava.locale.providers=SPI,COMPAT
  -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true
  -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError)

die() { echo "cluster : $*" >&2; exit 1; }

usage() { sed -n '5,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# Compile the launcher and list its classpath, again only when the pom or the launcher changed.
build() {
  local classpath=$HERE/target/classpath.txt
  local class=$HERE/target/classes/org/kb/cluster/Launcher.class
  local source=$HERE/src/main/java/org/kb/cluster/Launcher.java
  if [[ $classpath -nt $HERE/pom.xml && $class -nt $source ]]; then
    return
  fi
  command -v mvn >/dev/null || die "Maven (mvn) est introuvable : apt-get install maven"
  echo "Maven : jars d'OpenSearch et lanceur (la première fois, environ 80 Mo vont dans ~/.m2)…"
  mkdir -p "$HERE/target"
  if ! mvn -B --no-transfer-progress -f "$HERE/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath" >"$HERE/target/maven.log" 2>&1; then
    grep -E "ERROR|BUILD" "$HERE/target/maven.log" >&2 || tail -n 20 "$HERE/target/maven.log" >&2
    die "Maven n'a pas pu préparer le nœud (journal complet : cluster/target/maven.log)"
  fi
}

node_dir() { echo "$VAR/$NAME/node-$1"; }

# The pid of node $1 if that process is this node's launcher (a pid file may outlive its process).
node_pid() {
  local file pid
  file=$(node_dir "$1")/pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  grep -qaF -- "-Epath.home=$(node_dir "$1")" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

# A killed process stays a zombie until its parent reaps it: it is gone all the same.
running() {
  local state
  state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [[ $state != Z ]]
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# In PORT, the first port of $1..$2 nothing listens on and no local node, running or stopped, has taken.
free_port() {
  for ((PORT = $1; PORT <= $2; PORT++)); do
    if ! grep -qx "$PORT" <<<"$RESERVED" && ! listening "$PORT"; then
      RESERVED+=$'\n'$PORT
      return
    fi
  done
  die "aucun port libre entre $1 et $2"
}

# Ports are chosen once per node and kept, so that a node restarted after a fault rejoins as itself.
layout() {
  local nodes=$1 i
  if [[ -f $VAR/$NAME/nodes ]]; then
    local known
    known=$(<"$VAR/$NAME/nodes")
    [[ $known == "$nodes" ]] || die "le cluster « $NAME » a $known nœud(s) : « cluster/cluster.sh clean --name $NAME » d'abord"
    return
  fi
  RESERVED=$(cat "$VAR"/*/node-*/ports 2>/dev/null | tr ' ' '\n' || true)
  for ((i = 1; i <= nodes; i++)); do
    mkdir -p "$(node_dir "$i")"
    free_port 9200 9299
    local http=$PORT
    free_port 9300 9399
    echo "$http $PORT" >"$(node_dir "$i")/ports"
  done
  echo "$nodes" >"$VAR/$NAME/nodes"
}

nodes() { cat "$VAR/$NAME/nodes" 2>/dev/null || echo 0; }
http_port() { cut -d' ' -f1 "$(node_dir "$1")/ports"; }
transport_port() { cut -d' ' -f2 "$(node_dir "$1")/ports"; }

# The node's own settings, in SETTINGS: its name, home and ports, and how it finds the others.
node_settings() {
  local i=$1 count j seeds=() names=()
  count=$(nodes)
  SETTINGS=(-Ecluster.name="kb-$NAME" -Enode.name="$NAME-$i" -Epath.home="$(node_dir "$i")"
    -Ehttp.port="$(http_port "$i")" -Etransport.port="$(transport_port "$i")")
  if ((count == 1)); then
    SETTINGS+=(-Ediscovery.type=single-node)
    return
  fi
  for ((j = 1; j <= count; j++)); do
    seeds+=("127.0.0.1:$(transport_port "$j")")
    names+=("$NAME-$j")
  done
  local IFS=,
  SETTINGS+=(-Ediscovery.seed_hosts="${seeds[*]}" -Ecluster.initial_cluster_manager_nodes="${names[*]}")
}

start_node() {
  local i=$1 dir pid
  dir=$(node_dir "$i")
  if pid=$(node_pid "$i"); then
    echo "nœud $NAME-$i déjà démarré (pid $pid)"
    return
  fi
  node_settings "$i"
  # A session of its own, so that the node outlives the shell that started it, as a service does;
  # without the lock's descriptor, or the next command on this cluster would wait for the node to end.
  # shellcheck disable=SC2086 # the heap options are several words
  OPENSEARCH_PATH_CONF=$HERE/config setsid "$JAVA" $HEAP "${JVM_FLAGS[@]}" -Djava.io.tmpdir="$dir" \
    -cp "$HERE/target/classes:$(<"$HERE/target/classpath.txt")" "$LAUNCHER" "${SETTINGS[@]}" \
    >>"$dir/node.log" 2>&1 </dev/null 9>&- &
  echo $! >"$dir/pid"
  echo "nœud $NAME-$i démarré (pid $!), journal : ${dir#"$ROOT"/}/node.log"
}

# Nodes meant to run: those with a pid file (`stop` removes it, a crash leaves it).
expected() {
  local i
  for ((i = 1; i <= $(nodes); i++)); do
    [[ ! -f $(node_dir "$i")/pid ]] || echo "$i"
  done
}

# Green with every expected node joined; a node that died on the way ends the wait with its log.
wait_green() {
  local members i url
  mapfile -t members < <(expected)
  url="http://127.0.0.1:$(http_port "${members[0]}")/_cluster/health"
  local ends=$((SECONDS + WAIT))
  while ((SECONDS < ends)); do
    for i in "${members[@]}"; do
      if ! node_pid "$i" >/dev/null; then
        tail -n 30 "$(node_dir "$i")/node.log" >&2
        die "le nœud $NAME-$i s'est arrêté au démarrage (journal ci-dessus)"
      fi
    done
    if curl -fsS --max-time 5 "$url?wait_for_status=green&wait_for_nodes=${#members[@]}&timeout=2s" >/dev/null 2>&1; then
      echo "cluster kb-$NAME vert : ${#members[@]} nœud(s) sur $(nodes), ${SECONDS}s"
      return
    fi
    sleep 1
  done
  die "le cluster kb-$NAME n'est pas vert après ${WAIT}s : $(curl -sS --max-time 5 "$url" 2>&1 || true)"
}

print_env() {
  local count i urls=()
  count=$(nodes)
  ((count > 0)) || die "aucun cluster « $NAME » : « cluster/cluster.sh start --name $NAME » d'abord"
  for ((i = 1; i <= count; i++)); do
    urls+=("http://127.0.0.1:$(http_port "$i")")
  done
  local IFS=,
  echo "export KB_ELASTICSEARCH_URL=${urls[*]} KB_SEARCH_FLAVOUR=opensearch"
}

start() {
  local count=${NODES:-$(nodes)} i
  ((count > 0)) || count=1
  build
  layout "$count"
  ((${ONLY:-1} <= count)) || die "le cluster « $NAME » n'a que $count nœud(s)"
  if [[ -n $ONLY ]]; then
    start_node "$ONLY"
  else
    for ((i = 1; i <= $(nodes); i++)); do start_node "$i"; done
  fi
  wait_green
  echo "Réglages à exporter (ou : eval \"\$(cluster/cluster.sh env --name $NAME)\") :"
  print_env
}

stop_node() {
  local i=$1 pid waited
  pid=$(node_pid "$i") || { rm -f "$(node_dir "$i")/pid"; return; }
  if [[ $KILL == 1 ]]; then
    kill -KILL "$pid"
  else
    kill -TERM "$pid"
  fi
  for ((waited = 0; waited < 60; waited++)); do
    running "$pid" || break
    sleep 0.5
  done
  if running "$pid"; then
    echo "nœud $NAME-$i : pas arrêté en 30 s, tué" >&2
    kill -KILL "$pid"
  fi
  rm -f "$(node_dir "$i")/pid"
  echo "nœud $NAME-$i arrêté"
}

stop() {
  local i
  (($(nodes) > 0)) || { echo "aucun cluster « $NAME »"; return; }
  if [[ -n $ONLY ]]; then
    stop_node "$ONLY"
  else
    for ((i = 1; i <= $(nodes); i++)); do stop_node "$i"; done
  fi
}

status() {
  local i pid
  for ((i = 1; i <= $(nodes); i++)); do
    if pid=$(node_pid "$i"); then
      echo "$NAME-$i : en marche (pid $pid), http://127.0.0.1:$(http_port "$i")"
    else
      echo "$NAME-$i : arrêté"
    fi
  done
}

clean() {
  local i
  for ((i = 1; i <= $(nodes); i++)); do
    ! node_pid "$i" >/dev/null || die "le nœud $NAME-$i tourne encore : « cluster/cluster.sh stop --name $NAME » d'abord"
  done
  rm -rf "${VAR:?}/$NAME"
}

COMMAND=${1:-}
[[ -n $COMMAND ]] || usage
shift
NAME=dev NODES='' ONLY='' KILL=0
while (($#)); do
  case $1 in
    --name) NAME=${2:?}; shift 2 ;;
    --nodes) NODES=${2:?}; shift 2 ;;
    --node) ONLY=${2:?}; shift 2 ;;
    --kill) KILL=1; shift ;;
    *) usage ;;
  esac
done
[[ $NAME =~ ^[a-z0-9-]+$ ]] || die "nom de cluster invalide : $NAME (lettres minuscules, chiffres, tirets)"
[[ -z $NODES || $NODES =~ ^[1-9]$ ]] || die "--nodes attend un nombre de 1 à 9 : $NODES"
[[ -z $ONLY || $ONLY =~ ^[1-9]$ ]] || die "--node attend un numéro de nœud : $ONLY"

# One command at a time per cluster: two `make cluster` at once would start the same node twice.
mkdir -p "$VAR"
exec 9>"$VAR/$NAME.lock"
flock 9

case $COMMAND in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) status ;;
  clean) clean ;;
  *) usage ;;
esac
