// Opens the database at start (running migrations) and decorates the instance with the repositories.
import fp from 'fastify-plugin';
import { type Connection, openDatabase } from './connection.ts';
import type { EventLog } from './event-log.ts';
import { type AppealsRepository, appealsRepository } from './repositories/appeals.ts';
import { type AuditLogRepository, auditLogRepository } from './repositories/audit-log.ts';
import {
  type CatalogueVersionsRepository,
  catalogueVersionsRepository,
} from './repositories/catalogue-versions.ts';
import { type ClassesRepository, classesRepository } from './repositories/classes.ts';
import { type ConversationsRepository, conversationsRepository } from './repositories/conversations.ts';
import { type DrillsRepository, drillsRepository } from './repositories/drills.ts';
import { type EvaluationsRepository, evaluationsRepository } from './repositories/evaluations.ts';
import { type MutexesRepository, mutexesRepository } from './repositories/mutexes.ts';
import { type ProofVerdictsRepository, proofVerdictsRepository } from './repositories/proof-verdicts.ts';
import {
  type ScenarioVersionsRepository,
  scenarioVersionsRepository,
} from './repositories/scenario-versions.ts';
import { type SessionsRepository, sessionsRepository } from './repositories/sessions.ts';
import { type StudioItemsRepository, studioItemsRepository } from './repositories/studio-items.ts';
import { type UsersRepository, usersRepository } from './repositories/users.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Connection;
    users: UsersRepository;
    sessions: SessionsRepository;
    classes: ClassesRepository;
    drills: DrillsRepository;
    conversations: ConversationsRepository;
    evaluations: EvaluationsRepository;
    appeals: AppealsRepository;
    scenarioVersions: ScenarioVersionsRepository;
    catalogueVersions: CatalogueVersionsRepository;
    studioItems: StudioItemsRepository;
    eventLog: EventLog;
    mutexes: MutexesRepository;
    auditLog: AuditLogRepository;
    proofVerdicts: ProofVerdictsRepository;
  }
}

export default fp(
  async (app, opts: { dataDir: string; databaseUrl: string | null }) => {
    const connection = await openDatabase({
      dataDir: opts.dataDir,
      databaseUrl: opts.databaseUrl,
      onError: (message) => app.log.warn(`database: ${message}`),
    });
    const { db } = connection;
    app.decorate('database', connection);
    app.decorate('users', usersRepository(db));
    app.decorate('sessions', sessionsRepository(db));
    app.decorate('classes', classesRepository(db));
    app.decorate('drills', drillsRepository(db));
    app.decorate('conversations', conversationsRepository(db));
    app.decorate('evaluations', evaluationsRepository(db));
    app.decorate('appeals', appealsRepository(db));
    app.decorate('scenarioVersions', scenarioVersionsRepository(db));
    app.decorate('catalogueVersions', catalogueVersionsRepository(db));
    app.decorate('studioItems', studioItemsRepository(db));
    app.decorate('eventLog', connection.eventLog);
    app.decorate('mutexes', mutexesRepository(db));
    app.decorate('auditLog', auditLogRepository(db));
    app.decorate('proofVerdicts', proofVerdictsRepository(db));
    // Last to close: runtimes and sockets are stopped by hooks registered after this one.
    app.addHook('onClose', async () => connection.close());
  },
  { name: 'database' },
);
