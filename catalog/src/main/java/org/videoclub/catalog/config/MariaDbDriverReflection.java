package org.videoclub.catalog.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the MariaDB JDBC driver (Flyway's connection) reaches by reflection, registered for the native image, which
 * sees only what is registered: quarkus-jdbc-mariadb, which would do it, is not served at 3.34.x. Without it a native
 * binary sets none of the connection's options (it connected as the OS user, without the configured user and
 * password) and its ServiceLoader finds no authentication plugin, codec or TLS socket. The driver's service files
 * and properties are included by {@code quarkus.native.resources.includes}. The same in auth and catalog;
 * MariaDbDriverReflectionTest checks it against the driver's own service files.
 */
@RegisterForReflection(classNames = { "org.mariadb.jdbc.Configuration", "org.mariadb.jdbc.Configuration$Builder" })
final class MariaDbDriverReflection {

    private MariaDbDriverReflection() {
    }

    /** Every provider of the service files included in the image: ServiceLoader instantiates each it lists. */
    @RegisterForReflection(methods = false, fields = false, classNames = {
            // META-INF/services/org.mariadb.jdbc.plugin.AuthenticationPluginFactory
            "org.mariadb.jdbc.plugin.authentication.addon.ClearPasswordPluginFactory",
            "org.mariadb.jdbc.plugin.authentication.addon.SendGssApiAuthPacketFactory",
            "org.mariadb.jdbc.plugin.authentication.standard.CachingSha2PasswordPluginFactory",
            "org.mariadb.jdbc.plugin.authentication.standard.Ed25519PasswordPluginFactory",
            "org.mariadb.jdbc.plugin.authentication.standard.NativePasswordPluginFactory",
            "org.mariadb.jdbc.plugin.authentication.standard.ParsecPasswordPluginFactory",
            "org.mariadb.jdbc.plugin.authentication.standard.SendPamAuthPacketFactory",
            // META-INF/services/org.mariadb.jdbc.plugin.Codec
            "org.mariadb.jdbc.plugin.codec.BigDecimalCodec",
            "org.mariadb.jdbc.plugin.codec.BigIntegerCodec",
            "org.mariadb.jdbc.plugin.codec.BitSetCodec",
            "org.mariadb.jdbc.plugin.codec.BlobCodec",
            "org.mariadb.jdbc.plugin.codec.BooleanCodec",
            "org.mariadb.jdbc.plugin.codec.ByteArrayCodec",
            "org.mariadb.jdbc.plugin.codec.ByteCodec",
            "org.mariadb.jdbc.plugin.codec.ClobCodec",
            "org.mariadb.jdbc.plugin.codec.DateCodec",
            "org.mariadb.jdbc.plugin.codec.DoubleCodec",
            "org.mariadb.jdbc.plugin.codec.DurationCodec",
            "org.mariadb.jdbc.plugin.codec.FloatArrayCodec",
            "org.mariadb.jdbc.plugin.codec.FloatCodec",
            "org.mariadb.jdbc.plugin.codec.FloatObjectArrayCodec",
            "org.mariadb.jdbc.plugin.codec.GeometryCollectionCodec",
            "org.mariadb.jdbc.plugin.codec.InstantCodec",
            "org.mariadb.jdbc.plugin.codec.IntCodec",
            "org.mariadb.jdbc.plugin.codec.LineStringCodec",
            "org.mariadb.jdbc.plugin.codec.LocalDateCodec",
            "org.mariadb.jdbc.plugin.codec.LocalDateTimeCodec",
            "org.mariadb.jdbc.plugin.codec.LocalTimeCodec",
            "org.mariadb.jdbc.plugin.codec.LongCodec",
            "org.mariadb.jdbc.plugin.codec.MultiLinestringCodec",
            "org.mariadb.jdbc.plugin.codec.MultiPointCodec",
            "org.mariadb.jdbc.plugin.codec.MultiPolygonCodec",
            "org.mariadb.jdbc.plugin.codec.OffsetDateTimeCodec",
            "org.mariadb.jdbc.plugin.codec.PointCodec",
            "org.mariadb.jdbc.plugin.codec.PolygonCodec",
            "org.mariadb.jdbc.plugin.codec.ReaderCodec",
            "org.mariadb.jdbc.plugin.codec.ShortCodec",
            "org.mariadb.jdbc.plugin.codec.StreamCodec",
            "org.mariadb.jdbc.plugin.codec.StringCodec",
            "org.mariadb.jdbc.plugin.codec.TimeCodec",
            "org.mariadb.jdbc.plugin.codec.TimestampCodec",
            "org.mariadb.jdbc.plugin.codec.UuidCodec",
            "org.mariadb.jdbc.plugin.codec.ZonedDateTimeCodec",
            // META-INF/services/org.mariadb.jdbc.plugin.TlsSocketPlugin
            "org.mariadb.jdbc.plugin.tls.main.DefaultTlsSocketPlugin"
    })
    static final class Plugins {

        private Plugins() {
        }
    }
}
