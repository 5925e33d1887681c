#!/usr/bin/env bash
# A local Elasticsearch node for the cluster engine's Elasticsearch leg (`make cluster-es`, `make
# cluster-es-stop`): Maven brings the integration-test distribution (cluster/elasticsearch/pom.xml), the
# node runs on Java 21 or later, never as root, its files under var/elasticsearch/.
#
#   cluster/elasticsearch.sh start    unpack the distribution if needed, start the node, wait for its health
#   cluster/elasticsearch.sh stop     stop it cleanly (SIGTERM; SIGKILL after 30 s)
#   cluster/elasticsearch.sh env      the setting to export
#   cluster/elasticsearch.sh status|java
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE=$ROOT/cluster/elasticsearch
DIR=$ROOT/var/elasticsearch
VERSION=$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$HERE/pom.xml")
DIST=$HERE/target/elasticsearch-$VERSION
HEAP=${KB_ES_HEAP:--Xms512m -Xmx512m}
WAIT=${KB_ES_WAIT:-180}
# Elasticsearch refuses to run as root: as root, the node runs as this unprivileged user, created once.
RUN_AS=${KB_ES_USER:-kb-search}

die() { echo "elasticsearch : $*" >&2; exit 1; }

usage() { sed -n '6,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# In JAVA_DIR, the JDK to run on: KB_ES_JAVA_HOME, or else the newest JDK 21+ under /usr/lib/jvm.
find_java() {
  local jdk major best=0
  if [[ -n ${KB_ES_JAVA_HOME:-} ]]; then
    [[ -x $KB_ES_JAVA_HOME/bin/java ]] || die "KB_ES_JAVA_HOME ne désigne pas un JDK : $KB_ES_JAVA_HOME"
    major=$(java_major "$KB_ES_JAVA_HOME")
    ((${major:-0} >= 21)) || die "KB_ES_JAVA_HOME est un Java ${major:-inconnu} : Elasticsearch $VERSION exige Java 21 ou plus récent"
    JAVA_DIR=$KB_ES_JAVA_HOME
    return
  fi
  JAVA_DIR=''
  for jdk in /usr/lib/jvm/*; do
    [[ -x $jdk/bin/java && ! -L $jdk ]] || continue
    major=$(java_major "$jdk")
    if ((${major:-0} >= 21 && major > best)); then
      JAVA_DIR=$jdk best=$major
    fi
  done
  [[ -n $JAVA_DIR ]] || die "aucun JDK 21 ou plus récent sous /usr/lib/jvm (Elasticsearch $VERSION l'exige) : KB_ES_JAVA_HOME=<chemin d'un JDK ≥ 21>"
}

# Unpack the distribution once per version (about 100 Mo the first time, kept in ~/.m2).
unpack() {
  [[ -x $DIST/bin/elasticsearch ]] && return
  command -v mvn >/dev/null || die "Maven (mvn) est introuvable : apt-get install maven"
  echo "Maven : distribution d'intégration d'Elasticsearch $VERSION (la première fois, environ 100 Mo vont dans ~/.m2)…"
  mkdir -p "$HERE/target"
  if ! mvn -B --no-transfer-progress -f "$HERE/pom.xml" dependency:unpack >"$HERE/target/maven.log" 2>&1; then
    grep -E "ERROR|BUILD" "$HERE/target/maven.log" >&2 || tail -n 20 "$HERE/target/maven.log" >&2
    die "Maven n'a pas pu obtenir Elasticsearch $VERSION (journal complet : cluster/elasticsearch/target/maven.log)"
  fi
}

# What runs a command as the node's user: nothing, or setpriv to RUN_AS when this is root.
AS_NODE_USER=()
((EUID != 0)) || AS_NODE_USER=(setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups)

# The node's own folder (configuration, data, logs), owned by the user it runs as.
prepare() {
  if ((EUID == 0)) && ! id -u "$RUN_AS" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_AS" ||
      die "impossible de créer l'utilisateur système $RUN_AS qui fera tourner le nœud"
    echo "utilisateur système $RUN_AS créé : Elasticsearch refuse de tourner en root"
  fi
  mkdir -p "$DIR"/{data,logs,tmp}
  [[ -f $DIR/config/jvm.options ]] || cp -r "$DIST/config" "$DIR/config"
  cp "$HERE/elasticsearch.yml" "$DIR/config/elasticsearch.yml"
  ((EUID != 0)) || chown -R "$RUN_AS:" "$DIR"
  "${AS_NODE_USER[@]}" test -r "$DIST/lib/elasticsearch-$VERSION.jar" ||
    die "l'utilisateur $RUN_AS ne peut pas lire $DIST : un dossier au-dessus lui est fermé (chmod o+rx)"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first port of $1..$2 nothing listens on (9200-9399 are the OpenSearch nodes').
free_port() {
  local port
  for ((port = $1; port <= $2; port++)); do
    listening "$port" || { echo "$port"; return; }
  done
  die "aucun port libre entre $1 et $2"
}

# The pid of the node if that process is this node's server (a pid file may outlive its process).
node_pid() {
  local pid
  [[ -f $DIR/pid ]] || return 1
  pid=$(<"$DIR/pid")
  grep -qaF -- "-Djava.io.tmpdir=$DIR/tmp" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

http_port() { cut -d' ' -f1 "$DIR/ports"; }

# Yellow is enough: a single node never assigns the replicas of the system indices that ask for one.
wait_health() {
  local url ends=$((SECONDS + WAIT))
  url="http://127.0.0.1:$(http_port)/_cluster/health"
  while ((SECONDS < ends)); do
    node_pid >/dev/null || { tail -n 30 "$DIR/logs/kb-elasticsearch.log" >&2 || true; die "le nœud s'est arrêté au démarrage (journal ci-dessus)"; }
    if curl -fsS --max-time 5 "$url?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1; then
      echo "Elasticsearch $VERSION prêt : $(curl -sS --max-time 5 "$url" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p'), ${SECONDS}s"
      return
    fi
    sleep 1
  done
  die "le nœud n'est pas prêt après ${WAIT}s : $(curl -sS --max-time 5 "$url" 2>&1 || true)"
}

print_env() {
  [[ -f $DIR/ports ]] || die "aucun nœud Elasticsearch : « cluster/elasticsearch.sh start » d'abord"
  echo "export KB_TEST_ELASTICSEARCH_URL=http://127.0.0.1:$(http_port)"
}

start() {
  local pid http transport
  if pid=$(node_pid); then
    echo "nœud Elasticsearch déjà démarré (pid $pid)"
  else
    find_java
    unpack
    prepare
    http=$(free_port 9400 9499)
    transport=$(free_port 9500 9599)
    echo "$http $transport" >"$DIR/ports"
    echo "Elasticsearch $VERSION sur Java $(java_major "$JAVA_DIR") ($JAVA_DIR), en tant que $(((EUID == 0)) && echo "$RUN_AS" || id -un)…"
    # Its own daemon mode (-d) returns once the node is up; a session of its own, so that the node
    # outlives the shell that started it; without the lock's descriptor, or the next command would wait.
    if ! (cd "$DIR" && ES_JAVA_HOME="$JAVA_DIR" ES_PATH_CONF="$DIR/config" ES_TMPDIR="$DIR/tmp" ES_JAVA_OPTS="$HEAP" \
      setsid --wait "${AS_NODE_USER[@]}" "$DIST/bin/elasticsearch" -d -p "$DIR/pid" \
      -Ecluster.name=kb-elasticsearch -Enode.name=kb-elasticsearch -Epath.data="$DIR/data" -Epath.logs="$DIR/logs" \
      -Ehttp.port="$http" -Etransport.port="$transport" >"$DIR/start.log" 2>&1 </dev/null 9>&-); then
      cat "$DIR/start.log" >&2
      die "Elasticsearch n'a pas démarré (ci-dessus ; journaux : var/elasticsearch/logs/)"
    fi
    echo "nœud Elasticsearch démarré (pid $(<"$DIR/pid")), journal : var/elasticsearch/logs/kb-elasticsearch.log"
  fi
  wait_health
  echo "Réglage à exporter (ou : eval \"\$(cluster/elasticsearch.sh env)\") :"
  print_env
}

running() {
  local state
  state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [[ $state != Z ]]
}

stop() {
  local pid waited
  pid=$(node_pid) || { rm -f "$DIR/pid"; echo "aucun nœud Elasticsearch en marche"; return; }
  kill -TERM "$pid"
  for ((waited = 0; waited < 60; waited++)); do
    running "$pid" || break
    sleep 0.5
  done
  if running "$pid"; then
    echo "nœud Elasticsearch : pas arrêté en 30 s, tué" >&2
    kill -KILL "$pid"
  fi
  rm -f "$DIR/pid"
  echo "nœud Elasticsearch arrêté"
}

status() {
  local pid
  if pid=$(node_pid); then
    echo "elasticsearch : en marche (pid $pid), http://127.0.0.1:$(http_port)"
  else
    echo "elasticsearch : arrêté"
  fi
}

COMMAND=${1:-}
(($# == 1)) || usage

# One command at a time: two `make cluster-es` at once would start two nodes on one folder.
mkdir -p "$ROOT/var"
exec 9>"$ROOT/var/elasticsearch.lock"
flock 9

case $COMMAND in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) status ;;
  java) find_java && echo "$JAVA_DIR" ;;
  *) usage ;;
esac
