package org.bizenv.evaluation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates Spring Batch's tables in the job repository once, when they are missing. Boot's own initializer (with
 * {@code initialize-schema: always}, the only mode that initializes a file database) runs the schema script on every
 * start and ignores the "already exists" errors, which H2 logged at length on every run; this one looks first. It
 * replaces Boot's (which steps aside when an initializer of its type exists) and, being of that type, still runs
 * before the job repository is used.
 */
@Configuration(proxyBeanMethods = false)
class JobRepositorySchema {

    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
                                                                         BatchJdbcProperties properties) {
        return new CreateWhenMissing(dataSource, properties);
    }

    static final class CreateWhenMissing extends BatchDataSourceScriptDatabaseInitializer {

        private final String instanceTable;

        CreateWhenMissing(DataSource dataSource, BatchJdbcProperties properties) {
            super(dataSource, properties);
            this.instanceTable = (properties.getTablePrefix() == null ? "BATCH_" : properties.getTablePrefix())
                    + "JOB_INSTANCE";
        }

        @Override
        public boolean initializeDatabase() {
            return !tablesExist() && super.initializeDatabase();
        }

        private boolean tablesExist() {
            try (Connection c = getDataSource().getConnection();
                 ResultSet tables = c.getMetaData().getTables(null, null, instanceTable.toUpperCase(Locale.ROOT),
                         null)) {
                return tables.next();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the job repository's tables", e);
            }
        }
    }
}
