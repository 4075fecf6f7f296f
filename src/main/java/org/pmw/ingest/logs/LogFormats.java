package org.pmw.ingest.logs;

import java.util.List;
import org.pmw.ingest.Format;

/**
 * The built-in log formats. Specific formats come before {@code generic}, apache_access before nginx_access,
 * and docker_json before json_lines, so that equal scores go to the first (detection keeps this order among
 * equals).
 */
public final class LogFormats {

    private LogFormats() {
    }

    public static List<Format> all() {
        return List.of(
                AccessLogFormat.apache(),
                new ApacheErrorFormat(),
                AccessLogFormat.nginx(),
                new NginxErrorFormat(),
                new W3cExtendedFormat(),
                new AwsElbFormat(),
                new PhpErrorFormat(),
                new MysqlErrorFormat(),
                new MysqlSlowLogFormat(),
                new PostgresqlFormat(),
                new DockerJsonFormat(),
                new KubernetesCriFormat(),
                new SyslogFormat(),
                new JsonLinesFormat(),
                new LogfmtFormat(),
                new Log4jFormat(),
                new XendFormat(),
                new ConsoleCaptureFormat(),
                new GenericFormat());
    }
}
