package org.pmw.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * dom0's {@code /var/log/messages} (its own syslog plus what the guests forward to it) and
 * {@code /var/log/xend.log}. Both are deliberately uneventful all day (H1: no VM misbehaves); the
 * only domain activity is the boot a week earlier and the push at 18:00, when each web VM is
 * rebooted with its new configuration and db1 is ballooned up without a restart.
 */
final class Dom0LogWriter {

    private static final String XEND_PID = "2345";
    private static final List<String> GUESTS = List.of("db1", "web1", "web2", "web3");
    private static final int[] BOOT_MEMORY = {768, 256, 256, 256};
    private static final int[] NEW_MEMORY = {1024, 512, 512, 512};
    private static final String[] CPU_PINS = {"0-1", "2-3", "2-3", "2-3"};

    private final Random random;
    private final TimedLines messages = new TimedLines();
    private final TimedLines xend = new TimedLines();
    private final int[] syslogPid = {2914, 3107, 3322, 3561, 2786};

    Dom0LogWriter(long seed) {
        random = new Random(seed ^ 0xD0D0L);
    }

    void write(Path outDir) throws IOException {
        Path dir = outDir.resolve("dom0");
        Files.createDirectories(dir);
        long start = Story.LOG_START.toEpochSecond();
        long end = Story.LOG_END.toEpochSecond();
        syslog(start + 1, "dom0", "syslogd 1.4.1: restart.");
        routine(start, end);
        engineerLogins();
        bootXend();
        push();
        try (Writer out = Files.newBufferedWriter(dir.resolve("messages"), StandardCharsets.UTF_8)) {
            messages.flushAll(out);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("xend.log"), StandardCharsets.UTF_8)) {
            xend.flushAll(out);
        }
    }

    /** cron sessions (hourly jobs, db1's Perl order export every 15 minutes) and ntpd chatter. */
    private void routine(long start, long end) {
        List<String> hosts = List.of("dom0", "web1", "web2", "web3", "db1");
        for (long t = start - start % 900 + 900; t < end; t += 900) {
            boolean hourly = (t % 3600) == 0;
            for (int h = 0; h < hosts.size(); h++) {
                String host = hosts.get(h);
                boolean export = host.equals("db1");
                if (!hourly && !export) {
                    continue;
                }
                long at = t + 60; // cron.hourly runs at minute 01; the export at :01, :16, :31, :46
                int pid = nextPid(h);
                String user = export && !hourly ? "shop" : "root";
                syslog(at, host, "crond(pam_unix)[" + pid + "]: session opened for user " + user + " by (uid=0)");
                syslog(at + 1 + random.nextInt(export ? 20 : 4), host,
                        "crond(pam_unix)[" + pid + "]: session closed for user " + user);
            }
            if (random.nextInt(24) == 0) {
                String host = hosts.get(random.nextInt(hosts.size()));
                syslog(t + random.nextInt(900), host, "ntpd[1841]: synchronized to 10.1.0.1, stratum 2");
            }
        }
    }

    /** The engineer looks at every VM during the morning (H1). */
    private void engineerLogins() {
        long at = Story.local(2005, 10, 10, 9, 41, 12).toEpochSecond();
        for (String host : List.of("dom0", "web1", "web2", "web3", "db1")) {
            int pid = 20000 + random.nextInt(9000);
            syslog(at, host, "sshd(pam_unix)[" + pid + "]: session opened for user dan by (uid=0)");
            syslog(at + 300 + random.nextInt(600), host, "sshd(pam_unix)[" + pid + "]: session closed for user dan");
            at += 180 + random.nextInt(240);
        }
    }

    private void bootXend() {
        long t = Story.local(2005, 10, 3, 8, 11, 2).toEpochSecond();
        xend(t, "INFO (SrvDaemon:283) Xend Daemon started");
        xend(t, "INFO (SrvDaemon:287) Xend changeset: Sat Oct  1 09:11:26 2005 +0100 7194:0a4a9e4ff2f0.");
        xend(t, "DEBUG (XendDomainInfo:153) XendDomainInfo.recreate({'paused': 0, 'cpu_time': 18200733421L,"
                + " 'ssidref': 0, 'shutdown_reason': 0, 'dying': 0, 'dom': 0, 'mem_kb': 524288, 'maxmem_kb': -4,"
                + " 'max_vcpu_id': 3, 'crashed': 0, 'running': 1, 'shutdown': 0, 'online_vcpus': 4, 'blocked': 0})");
        xend(t, "INFO (XendDomainInfo:165) Recreating domain 0, UUID 00000000-0000-0000-0000-000000000000.");
        xend(t + 1, "INFO (SrvServer:112) unix path=/var/lib/xend/xend-socket");
        t += 60;
        for (int g = 0; g < GUESTS.size(); g++) {
            createDomain(t, GUESTS.get(g), g + 1, BOOT_MEMORY[g], null, 1);
            t += 40 + random.nextInt(30);
        }
    }

    private void push() {
        for (int v = 0; v < Story.WEB_VMS.size(); v++) {
            String name = Story.WEB_VMS.get(v);
            long down = Story.VM_REBOOTS.get(v)[0].toEpochSecond();
            long up = Story.VM_REBOOTS.get(v)[1].toEpochSecond();
            int oldDom = v + 2;
            int newDom = v + 5;
            // The guest shuts itself down and says so through syslog before xend notices.
            syslog(down - 8, name, "shutdown: shutting down for system halt");
            syslog(down - 6, name, "httpd: httpd shutdown succeeded");
            syslog(down - 2, name, "exiting on signal 15");
            xend(down, "INFO (XendDomainInfo:861) Domain has shutdown: name=" + name + " id=" + oldDom
                    + " reason=poweroff.");
            xend(down, "DEBUG (XendDomainInfo:1330) XendDomainInfo.destroy: domid=" + oldDom);
            xend(down, "DEBUG (XendDomainInfo:1337) XendDomainInfo.destroyDomain(" + oldDom + ")");
            syslog(down, "dom0", "kernel: xenbr0: port " + (v + 3) + "(vif" + oldDom + ".0) entering disabled state");
            syslog(down, "dom0", "kernel: device vif" + oldDom + ".0 left promiscuous mode");
            long create = down + 25;
            createDomain(create, name, newDom, NEW_MEMORY[v + 1], CPU_PINS[v + 1], 2);
            syslog(create + 1, "dom0", "kernel: device vif" + newDom + ".0 entered promiscuous mode");
            syslog(create + 1, "dom0", "kernel: xenbr0: port " + (v + 3) + "(vif" + newDom + ".0) entering learning state");
            syslog(create + 1, "dom0", "kernel: device vif" + newDom + ".1 entered promiscuous mode");
            syslog(create + 1, "dom0", "kernel: xenbr1: port " + (v + 2) + "(vif" + newDom + ".1) entering learning state");
            syslog(create + 16, "dom0", "kernel: xenbr0: topology change detected, propagating");
            syslog(create + 16, "dom0", "kernel: xenbr0: port " + (v + 3) + "(vif" + newDom + ".0) entering forwarding state");
            syslog(create + 16, "dom0", "kernel: xenbr1: port " + (v + 2) + "(vif" + newDom + ".1) entering forwarding state");
            long boot = create + 9;
            syslog(boot, name, "syslogd 1.4.1: restart.");
            syslog(boot, name, "kernel: klogd 1.4.1, log source = /proc/kmsg started.");
            syslog(boot, name, "kernel: Linux version 2.6.12.6-xenU (root@dom0) (gcc version 3.4.4 20050721"
                    + " (Red Hat 3.4.4-2)) #1 SMP Sat Oct 1 19:22:10 EDT 2005");
            syslog(boot, name, "kernel: Memory: " + (NEW_MEMORY[v + 1] * 1024 - 17_984) + "k/"
                    + (NEW_MEMORY[v + 1] * 1024) + "k available (1982k kernel code, 0k reserved)");
            syslog(boot + 12, name, "network: Bringing up loopback interface:  succeeded");
            syslog(boot + 13, name, "network: Bringing up interface eth0:  succeeded");
            syslog(boot + 14, name, "network: Bringing up interface eth1:  succeeded");
            syslog(boot + 20, name, "sysctl: net.core.somaxconn = 1024");
            syslog(up - 13, name, "httpd: httpd startup succeeded");
        }
        long balloon = Story.local(2005, 10, 10, 18, 8, 41).toEpochSecond();
        xend(balloon, "INFO (XendDomainInfo:949) Setting memory target of domain db1 (1) to 1024 MiB.");
        syslog(balloon + 1, "db1", "kernel: xen_mem: Initialising balloon driver target 1048576 kB");
    }

    private void createDomain(long t, String name, int dom, int memory, String cpus, int vifs) {
        StringBuilder config = new StringBuilder("['vm', ['name', '" + name + "'], ['memory', " + memory
                + "], ['vcpus', 1]");
        if (cpus != null) {
            config.append(", ['cpus', '").append(cpus).append("']");
        }
        config.append(", ['image', ['linux', ['kernel', '/boot/vmlinuz-2.6.12.6-xenU'], ['root', '/dev/sda1 ro']]]");
        config.append(", ['device', ['vbd', ['uname', 'phy:/dev/VolGroup01/").append(name)
                .append("'], ['dev', 'sda1'], ['mode', 'w']]]");
        int octet = 16 + dom % 4 + ("db1".equals(name) ? 0 : Story.WEB_VMS.indexOf(name) + 1) * 16;
        for (int i = 0; i < vifs; i++) {
            config.append(", ['device', ['vif', ['mac', '00:16:3e:00:").append(String.format("%02x", octet + i))
                    .append(":01'], ['bridge', 'xenbr").append(i).append("']]]");
        }
        config.append(']');
        xend(t, "DEBUG (XendDomainInfo:184) XendDomainInfo.create(" + config + ")");
        xend(t, "INFO (image:136) buildDomain os=linux dom=" + dom + " vcpus=1");
        xend(t, "DEBUG (image:165) dom            = " + dom);
        xend(t, "DEBUG (image:166) image          = /boot/vmlinuz-2.6.12.6-xenU");
        xend(t, "DEBUG (image:167) store_evtchn   = 1");
        xend(t, "DEBUG (image:168) console_evtchn = 2");
        xend(t, "DEBUG (image:169) cmdline        = root=/dev/sda1 ro");
        xend(t, "DEBUG (image:170) ramdisk        = ");
        xend(t, "DEBUG (image:171) vcpus          = 1");
        if (cpus != null) {
            xend(t, "DEBUG (XendDomainInfo:1106) VCPU 0 affinity set to cpus " + cpus);
        }
        xend(t + 1, "DEBUG (XendDomainInfo:595) Storing domain details: {'name': '" + name + "', 'domid': '" + dom
                + "', 'memory/target': '" + memory * 1024 + "', 'cpu/0/availability': 'online'}");
        xend(t + 1, "INFO (XendDomain:367) Domain " + name + " (" + dom + ") unpaused.");
    }

    private int nextPid(int host) {
        syslogPid[host] += 3 + random.nextInt(40);
        return syslogPid[host];
    }

    private void syslog(long at, String host, String text) {
        messages.add(at, TimeFormats.syslog(at) + " " + host + " " + text);
    }

    private void xend(long at, String text) {
        xend.add(at, "[" + TimeFormats.xend(at) + " xend " + XEND_PID + "] " + text);
    }
}
