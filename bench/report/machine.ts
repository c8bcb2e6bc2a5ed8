import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  kafka: string;
  postgres: string;
}

/** The broker runs the Kafka jars libs/local-infra/kafka/pom.xml declares. */
export function kafkaVersionFromPom(pom: string): string {
  return /<kafka\.version>([^<]+)</.exec(pom)?.[1] ?? 'unknown';
}

function operatingSystem(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const name = /^PRETTY_NAME="?([^"\n]+)/m.exec(release)?.[1];
    if (name) return name;
  } catch {
    // Not Linux: the kernel's name will do.
  }
  return `${os.type()} ${os.release()}`;
}

export function describeMachine(versions: { kafka: string; postgres: string }): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: operatingSystem(),
    node: process.version,
    ...versions,
  };
}
