// The staff pages' end-to-end fixture: the real app (built client served from client/dist) on an
// ephemeral port with a temp DATA_DIR, a class with an instructor, a trainer and students, and finished
// conversations played over the real socket by the server tests' bot (model answers or counter-examples).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClassResponse, PracticeResponse } from '@kefu/shared';
import { createShopperContext, loadLibrary } from '@kefu/shared';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import type { Clock } from '../../server/src/clock.ts';
import { playOverSocket } from '../server/helpers/bot.ts';
import type { ManualClock } from '../server/helpers/manual-clock.ts';
import {
  api,
  connect,
  SCENARIOS_DIR,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
} from '../server/helpers/server.ts';

export const CLIENT_DIR = resolve('client/dist');
export const ARTIFACTS = resolve('tests/.artifacts/staff');

export async function startStaffServer(clock?: Clock, seed = 7, clientDir = CLIENT_DIR): Promise<TestServer> {
  if (!existsSync(resolve(clientDir, 'index.html'))) {
    throw new Error(`${clientDir} has no built client: run \`npm run build -w client\` first`);
  }
  return startServer({ clientDir, ...(clock ? { clock } : {}), seedSource: () => seed });
}

export interface StaffClass {
  classId: string;
  joinCode: string;
  instructor: TestUser;
  trainer: TestUser;
  students: TestUser[];
}

export async function seedClass(server: TestServer, studentNames: string[]): Promise<StaffClass> {
  const instructor = await seedUser(server.app, 'instructor', 'teacher-wang');
  const trainer = await seedUser(server.app, 'trainer', 'mentor-zhao');
  const created = await api<ClassResponse>(server, 'POST', '/api/classes', {
    as: instructor,
    body: { name: '电商2401班' },
  });
  if (created.status !== 200) throw new Error(`class: ${created.text}`);
  const classId = created.body.class.id;
  const students: TestUser[] = [];
  for (const name of studentNames) {
    const student = await seedUser(server.app, 'student', name);
    students.push(student);
    // An existing student joins with the class's join code (an instructor cannot add them).
    const added = await api(server, 'POST', '/api/classes/join', {
      as: student,
      body: { joinCode: created.body.class.joinCode },
    });
    if (added.status !== 200) throw new Error(`member: ${added.text}`);
  }
  const added = await api(server, 'POST', `/api/classes/${classId}/members`, {
    as: instructor,
    body: { userId: trainer.user.id, role: 'trainer' },
  });
  if (added.status !== 200) throw new Error(`trainer: ${added.text}`);
  return { classId, joinCode: created.body.class.joinCode ?? '', instructor, trainer, students };
}

const { library } = loadLibrary(readLibrary(SCENARIOS_DIR, '/'));

/** Plays one solo-practice conversation to its end on the manual clock; `script` is 'model' or a counter-example's name. */
export async function playConversation(
  server: TestServer,
  clock: ManualClock,
  student: TestUser,
  scenarioId: string,
  script = 'model',
): Promise<string> {
  const scenario = library.buyers.get(scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const steps =
    script === 'model'
      ? scenario.modelAnswer
      : scenario.counterExamples.find((c) => c.name === script)?.script;
  if (!steps) throw new Error(`no script ${script} in ${scenarioId}`);
  const ctx = createShopperContext(library, scenarioId, library.rubrics.get('default')!);
  const startedAt = clock.now();
  const started = await api<PracticeResponse>(server, 'POST', '/api/practice', {
    as: student,
    body: { scenarioId },
  });
  if (started.status !== 200) throw new Error(`practice: ${started.text}`);
  const conversation = started.body.conversations[0]!;
  const client = await connect(server, student);
  try {
    await playOverSocket(client, clock, ctx, conversation.id, startedAt, steps);
  } finally {
    client.close();
  }
  return conversation.id;
}

export function counterExampleNames(scenarioId: string): string[] {
  return library.buyers.get(scenarioId)?.counterExamples.map((c) => c.name) ?? [];
}
