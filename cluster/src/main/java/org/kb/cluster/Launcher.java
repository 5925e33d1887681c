/*
 * Starts one OpenSearch node inside this JVM, from jars Maven resolved: the project's tests and
 * development need a real node, and no distribution archive can be downloaded here.
 */
package org.kb.cluster;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.script.mustache.MustachePlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Usage: {@code OPENSEARCH_PATH_CONF=cluster/config java ... Launcher -Ekey=value ...}, the settings
 * OpenSearch's own command line takes; the node stops cleanly on SIGTERM.
 */
public final class Launcher {

    /** The modules a distribution would load from modules/, here taken from the classpath. */
    static final Collection<Class<? extends Plugin>> MODULES = List.of(
        Netty4Plugin.class,
        CommonAnalysisPlugin.class,
        MapperExtrasPlugin.class,
        ReindexPlugin.class,
        MustachePlugin.class,
        PainlessPlugin.class
    );

    /** The server's Node with the modules passed in, as OpenSearch's own test framework does (MockNode). */
    static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment) {
            super(environment, MODULES, true);
        }
    }

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Settings settings = commandLineSettings(args);
        String nodeName = settings.get("node.name", "kb");
        String configDir = System.getenv("OPENSEARCH_PATH_CONF");
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings,
            Map.of(),
            configDir == null ? null : Path.of(configDir),
            () -> nodeName
        );
        // The log layout names the node, so its name must be known before the logs are configured.
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(environment);
        Node node = new ClasspathNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, stopped), "kb-cluster-stop"));
        try {
            node.start();
        } catch (Exception | Error failure) {
            LogManager.getLogger(Launcher.class).error("le nœud n'a pas démarré", failure);
            System.exit(1);
        }
        HttpServerTransport http = node.injector().getInstance(HttpServerTransport.class);
        System.out.println("nœud " + nodeName + " prêt : http://" + http.boundAddress().publishAddress());
        stopped.await();
    }

    /** {@code -Ekey=value} arguments, as OpenSearch's command line reads them. */
    static Settings commandLineSettings(String[] args) {
        Settings.Builder builder = Settings.builder();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("-E") || equals < 3) {
                throw new IllegalArgumentException("argument inattendu (attendu : -Eclé=valeur) : " + arg);
            }
            builder.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return builder.build();
    }

    /** Close the node, wait for its shards to close, then flush the logs: log4j's own hook is off. */
    static void stop(Node node, CountDownLatch stopped) {
        try {
            node.close();
            node.awaitClose(30, TimeUnit.SECONDS);
        } catch (Exception failure) {
            LogManager.getLogger(Launcher.class).error("arrêt du nœud incomplet", failure);
        } finally {
            Configurator.shutdown((LoggerContext) LogManager.getContext(false));
            stopped.countDown();
        }
    }
}
