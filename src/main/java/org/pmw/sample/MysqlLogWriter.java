package org.pmw.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * db1's files: the MySQL 4.1 error log ({@code /var/log/mysqld.log}: the server start a week earlier,
 * then the "Aborted connection" warnings the web tier caused) and the engineer's status snapshot for
 * H2, which shows mysqld far from its memory limit.
 */
final class MysqlLogWriter {

    static final String SNAPSHOT_FILE = "mysql-status-20051010-1215.txt";
    private static final long SERVER_START = Story.local(2005, 10, 3, 8, 14, 19).toEpochSecond();

    private MysqlLogWriter() {
    }

    static void write(Path outDir, TimedLines abortedLines, Tally tally) throws IOException {
        Path dir = outDir.resolve("db1");
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve("mysqld.log"), StandardCharsets.UTF_8)) {
            // mysqld_safe stamps with date +'%y%m%d %H:%M:%S' (zero-padded hour); mysqld pads with a space.
            out.write(String.format(Locale.US, "%s  mysqld started%n", zeroPadded(SERVER_START)).replace("\r", ""));
            out.write(TimeFormats.mysql(SERVER_START + 1) + "  InnoDB: Started; log sequence number 0 2829617\n");
            out.write("/usr/libexec/mysqld: ready for connections.\n");
            out.write("Version: '4.1.12'  socket: '/var/lib/mysql/mysql.sock'  port: 3306  Source distribution\n");
            abortedLines.flushAll(out);
        }
        writeSnapshot(dir.resolve(SNAPSHOT_FILE), tally);
    }

    private static String zeroPadded(long epochSecond) {
        String s = TimeFormats.mysql(epochSecond);
        return s.charAt(7) == ' ' ? s.substring(0, 7) + "0" + s.substring(8) : s;
    }

    private static void writeSnapshot(Path file, Tally tally) throws IOException {
        long at = Story.MYSQL_SNAPSHOT.toEpochSecond() + 2;
        long uptime = at - SERVER_START;
        long abortedBefore = tally.abortedTimes.stream().filter(t -> t < at).count();
        long connections = tally.mysqlConnectionsAtSnapshot;
        long questions = connections * 11 + 48_211;
        StringBuilder s = new StringBuilder();
        s.append("[root@db1 ~]# date\n").append(TimeFormats.dateCommand(at)).append('\n');
        s.append("[root@db1 ~]# free -m\n");
        s.append("             total       used       free     shared    buffers     cached\n");
        s.append("Mem:           748        705         43          0         62        317\n");
        s.append("-/+ buffers/cache:        326        422\n");
        s.append("Swap:         1535          0       1535\n");
        s.append("[root@db1 ~]# ps -o pid,rss,vsz,cmd -C mysqld\n");
        s.append("  PID   RSS    VSZ CMD\n");
        s.append(" 2291 241320 318844 /usr/libexec/mysqld --defaults-file=/etc/my.cnf --basedir=/usr"
                + " --datadir=/var/lib/mysql --user=mysql --pid-file=/var/run/mysqld/mysqld.pid --skip-locking"
                + " --socket=/var/lib/mysql/mysql.sock\n");
        s.append("[root@db1 ~]# mysqladmin -u root -p variables | egrep"
                + " 'max_connections|buffer_pool_size|key_buffer_size|query_cache_size|sort_buffer|thread_cache|wait_timeout'\n");
        s.append("Enter password: \n");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("innodb_buffer_pool_size", "268435456");
        variables.put("key_buffer_size", "33554432");
        variables.put("max_connections", "100");
        variables.put("max_user_connections", "0");
        variables.put("query_cache_size", "16777216");
        variables.put("sort_buffer_size", "2097144");
        variables.put("thread_cache_size", "8");
        variables.put("wait_timeout", "28800");
        for (Map.Entry<String, String> e : variables.entrySet()) {
            s.append(String.format(Locale.US, "| %-31s | %-9s |%n", e.getKey(), e.getValue()));
        }
        s.append("[root@db1 ~]# mysqladmin -u root -p extended-status\n");
        s.append("Enter password: \n");
        Map<String, String> status = new LinkedHashMap<>();
        status.put("Aborted_clients", Long.toString(188 + abortedBefore));
        status.put("Aborted_connects", "23");
        status.put("Binlog_cache_disk_use", "0");
        status.put("Binlog_cache_use", "0");
        status.put("Bytes_received", Long.toString(questions * 97));
        status.put("Bytes_sent", Long.toString(questions * 2113));
        status.put("Com_admin_commands", "14");
        status.put("Com_begin", Long.toString(connections / 9));
        status.put("Com_change_db", Long.toString(connections));
        status.put("Com_commit", Long.toString(connections / 9));
        status.put("Com_delete", Long.toString(connections / 31));
        status.put("Com_insert", Long.toString(connections / 12));
        status.put("Com_select", Long.toString(questions - connections * 2));
        status.put("Com_show_status", "3");
        status.put("Com_show_variables", "2");
        status.put("Com_update", Long.toString(connections / 7));
        status.put("Connections", Long.toString(connections));
        status.put("Created_tmp_disk_tables", "1307");
        status.put("Created_tmp_files", "9");
        status.put("Created_tmp_tables", Long.toString(connections / 5));
        status.put("Delayed_errors", "0");
        status.put("Delayed_insert_threads", "0");
        status.put("Delayed_writes", "0");
        status.put("Flush_commands", "1");
        status.put("Handler_commit", Long.toString(connections / 9));
        status.put("Handler_delete", Long.toString(connections / 31));
        status.put("Handler_read_first", "40213");
        status.put("Handler_read_key", Long.toString(questions * 6));
        status.put("Handler_read_next", Long.toString(questions * 23));
        status.put("Handler_read_rnd", Long.toString(questions / 3));
        status.put("Handler_read_rnd_next", Long.toString(questions * 41));
        status.put("Handler_rollback", "112");
        status.put("Handler_update", Long.toString(connections / 7));
        status.put("Handler_write", Long.toString(connections / 3));
        status.put("Key_blocks_not_flushed", "0");
        status.put("Key_blocks_unused", "17409");
        status.put("Key_blocks_used", "11267");
        status.put("Key_read_requests", Long.toString(questions * 17));
        status.put("Key_reads", "11398");
        status.put("Key_write_requests", Long.toString(connections / 2));
        status.put("Key_writes", Long.toString(connections / 6));
        status.put("Max_used_connections", "100");
        status.put("Not_flushed_delayed_rows", "0");
        status.put("Not_flushed_key_blocks", "0");
        status.put("Open_files", "97");
        status.put("Open_streams", "0");
        status.put("Open_tables", "64");
        status.put("Opened_tables", "70");
        status.put("Qcache_free_blocks", "412");
        status.put("Qcache_free_memory", "7340712");
        status.put("Qcache_hits", Long.toString(questions / 2));
        status.put("Qcache_inserts", Long.toString(questions / 4));
        status.put("Qcache_lowmem_prunes", "2217");
        status.put("Qcache_not_cached", Long.toString(connections / 3));
        status.put("Qcache_queries_in_cache", "3124");
        status.put("Qcache_total_blocks", "6803");
        status.put("Questions", Long.toString(questions));
        status.put("Select_full_join", "0");
        status.put("Select_range", Long.toString(connections / 4));
        status.put("Select_scan", Long.toString(connections / 2));
        status.put("Slow_launch_threads", "0");
        status.put("Slow_queries", "0");
        status.put("Sort_merge_passes", "0");
        status.put("Sort_range", Long.toString(connections / 4));
        status.put("Sort_rows", Long.toString(questions * 3));
        status.put("Sort_scan", Long.toString(connections / 3));
        status.put("Table_locks_immediate", Long.toString(questions));
        status.put("Table_locks_waited", "41");
        status.put("Threads_cached", "6");
        status.put("Threads_connected", "37");
        status.put("Threads_created", "18762");
        status.put("Threads_running", "3");
        status.put("Uptime", Long.toString(uptime));
        int width = status.values().stream().mapToInt(String::length).max().orElse(10);
        String border = "+----------------------------+-" + "-".repeat(width) + "-+\n";
        s.append(border);
        s.append(String.format(Locale.US, "| %-26s | %-" + width + "s |%n", "Variable_name", "Value"));
        s.append(border);
        for (Map.Entry<String, String> e : status.entrySet()) {
            s.append(String.format(Locale.US, "| %-26s | %-" + width + "s |%n", e.getKey(), e.getValue()));
        }
        s.append(border);
        Files.writeString(file, s.toString().replace("\r\n", "\n"), StandardCharsets.UTF_8);
    }
}
