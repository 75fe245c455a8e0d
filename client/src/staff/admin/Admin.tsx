// The admin's page: accounts (create with a one-time password shown once, reset a forgotten password, which
// also lifts a login lock) and classes (create with an instructor, hand over, renew the join code, add and
// remove trainers and students). Every refusal shows the server's own Chinese message.
import {
  type ClassesResponse,
  type ClassMember,
  type ClassView,
  type CreateClassBody,
  type CreateUserBody,
  type ResetPasswordBody,
  ROLES,
  type Role,
  type UsersResponse,
  type UserView,
} from '@kefu/shared/protocol';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { errorText, useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { ConfirmDialog } from '../../forms/ConfirmDialog.tsx';
import { useSession } from '../../stores/index.ts';
import { useGo } from '../nav.ts';
import './i18n.ts';
import './admin.css';
import { FormError } from '../../forms/FormError.tsx';

/** A password shown once (new account or reset), with the person it belongs to. */
interface Secret {
  kind: 'created' | 'reset';
  user: UserView;
  password: string;
}

export default function Admin() {
  const { t } = useTranslation('admin');
  const users = useLoad(routes.users.list);
  const classes = useLoad(routes.classes.list);
  const [secret, setSecret] = useState<Secret | null>(null);

  return (
    <div className="staff-page admin-page">
      <header className="staff-page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('subtitle')}</p>
        </div>
      </header>
      {secret ? <SecretNotice secret={secret} onDone={() => setSecret(null)} /> : null}
      <UsersPanel
        data={users.data}
        error={users.error}
        onSecret={(s) => {
          setSecret(s);
          users.reload();
        }}
      />
      <ClassesPanel
        users={users.data?.users ?? []}
        data={classes.data}
        error={classes.error}
        reload={classes.reload}
      />
    </div>
  );
}

function SecretNotice({ secret, onDone }: { secret: Secret; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState(false);
  const vars = {
    name: secret.user.displayName,
    username: secret.user.username,
    role: t(`role.${secret.user.role}`),
  };
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret.password);
      setCopied(true);
    } catch {
      // No clipboard (plain http): the password is on screen to copy by hand.
    }
  }
  return (
    <section className="staff-card secret-notice" role="status" aria-live="polite">
      <p>{secret.kind === 'created' ? t('secret.created', vars) : t('secret.reset', vars)}</p>
      <p className="secret-line">
        <span>{t('secret.label')}：</span>
        <code className="secret-password">{secret.password}</code>
        <button type="button" className="secondary small-button" onClick={() => void copy()}>
          {copied ? t('secret.copied') : t('secret.copy')}
        </button>
      </p>
      <p className="muted">{t('secret.note')}</p>
      <button type="button" className="primary" onClick={onDone}>
        {t('secret.done')}
      </button>
    </section>
  );
}

function UsersPanel(props: {
  data: UsersResponse | null;
  error: string | null;
  onSecret: (s: Secret) => void;
}) {
  const { data, error, onSecret } = props;
  const { t } = useTranslation('admin');
  const { api } = useServices();
  const me = useSession((s) => s.user);
  const [roleFilter, setRoleFilter] = useState<Role | ''>('');
  const [query, setQuery] = useState('');
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [resetPassword, setResetPassword] = useState('');
  const headingId = useId();
  const roleFilterId = useId();
  const searchId = useId();
  const resetPwId = useId();

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (data?.users ?? []).filter(
      (u) =>
        (roleFilter === '' || u.role === roleFilter) &&
        (q === '' || u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q)),
    );
  }, [data, roleFilter, query]);

  async function reset() {
    if (!resetting) return;
    const body: ResetPasswordBody = resetPassword ? { password: resetPassword } : {};
    const res = await api.users.resetPassword({ params: { id: resetting.id }, body });
    setResetting(null);
    setResetPassword('');
    onSecret({ kind: 'reset', user: res.user, password: res.password });
  }

  return (
    <section className="staff-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('users.title')}</h2>
      <FormError error={error} />
      <CreateUserForm onCreated={(user, password) => onSecret({ kind: 'created', user, password })} />
      <div className="staff-filters">
        <label htmlFor={roleFilterId}>{t('users.filterRole')}</label>
        <select
          id={roleFilterId}
          value={roleFilter}
          onChange={(e) => setRoleFilter(e.target.value as Role | '')}
        >
          <option value="">{t('users.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor={searchId} className="sr-only">
          {t('users.search')}
        </label>
        <input
          id={searchId}
          type="search"
          placeholder={t('users.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {data ? <span className="muted">{t('users.count', { count: shown.length })}</span> : null}
      </div>
      {data === null && !error ? <p className="muted">{t('loading')}</p> : null}
      {data && shown.length === 0 ? <p className="empty">{t('users.none')}</p> : null}
      {shown.length > 0 ? (
        <div className="staff-table-wrap">
          <table className="staff-table compact">
            <caption className="sr-only">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    {u.displayName}
                    {u.id === me?.id ? t('users.you') : ''}
                  </th>
                  <td>{u.username}</td>
                  <td>
                    <span className={`role-tag role-${u.role}`}>{t(`role.${u.role}`)}</span>
                  </td>
                  <td>
                    {u.locked ? (
                      <span className="tag tag-red" title={t('users.lockedHint')}>
                        {t('users.locked')}
                      </span>
                    ) : u.mustChangePassword ? (
                      t('users.mustChange')
                    ) : (
                      t('users.active')
                    )}
                  </td>
                  <td>
                    {u.id === me?.id ? null : (
                      <button
                        type="button"
                        className="secondary small-button"
                        aria-label={t('users.resetFor', { name: u.displayName })}
                        onClick={() => {
                          setResetPassword('');
                          setResetting(u);
                        }}
                      >
                        {t('users.reset')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        open={resetting !== null}
        title={t('resetDialog.title', { name: resetting?.displayName ?? '' })}
        message={t('resetDialog.message', { name: resetting?.displayName ?? '' })}
        confirmLabel={t('resetDialog.confirm')}
        cancelLabel={t('resetDialog.cancel')}
        danger
        onConfirm={reset}
        onCancel={() => setResetting(null)}
      >
        <p className="field">
          <label htmlFor={resetPwId}>{t('resetDialog.password')}</label>
          <input
            id={resetPwId}
            type="text"
            autoComplete="off"
            value={resetPassword}
            maxLength={128}
            onChange={(e) => setResetPassword(e.target.value)}
          />
        </p>
      </ConfirmDialog>
    </section>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: UserView, password: string) => void }) {
  const { t } = useTranslation('admin');
  const { api } = useServices();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('student');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { h: useId(), u: useId(), uh: useId(), n: useId(), r: useId(), p: useId(), ph: useId() };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body: CreateUserBody = { username: username.trim(), displayName: displayName.trim(), role };
      if (password) body.password = password;
      const res = await api.users.create({ body });
      setUsername('');
      setDisplayName('');
      setPassword('');
      onCreated(res.user, res.password);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-form" aria-labelledby={ids.h} onSubmit={(e) => void submit(e)}>
      <h3 id={ids.h}>{t('create.title')}</h3>
      <div className="admin-fields">
        <p className="field">
          <label htmlFor={ids.u}>{t('create.username')}</label>
          <input
            id={ids.u}
            value={username}
            maxLength={32}
            autoComplete="off"
            aria-describedby={ids.uh}
            onChange={(e) => setUsername(e.target.value)}
          />
          <span id={ids.uh} className="muted small">
            {t('create.usernameHint')}
          </span>
        </p>
        <p className="field">
          <label htmlFor={ids.n}>{t('create.displayName')}</label>
          <input
            id={ids.n}
            value={displayName}
            maxLength={40}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </p>
        <p className="field">
          <label htmlFor={ids.r}>{t('create.role')}</label>
          <select id={ids.r} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(['student', 'trainer', 'instructor', 'admin'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor={ids.p}>{t('create.password')}</label>
          <input
            id={ids.p}
            value={password}
            maxLength={128}
            autoComplete="new-password"
            aria-describedby={ids.ph}
            onChange={(e) => setPassword(e.target.value)}
          />
          <span id={ids.ph} className="muted small">
            {t('create.passwordHint')}
          </span>
        </p>
      </div>
      <button type="submit" className="primary" disabled={busy || !username.trim() || !displayName.trim()}>
        {t('create.submit')}
      </button>
      <FormError error={error} />
    </form>
  );
}

function ClassesPanel(props: {
  users: UserView[];
  data: ClassesResponse | null;
  error: string | null;
  reload: () => void;
}) {
  const { users, data, error, reload } = props;
  const { t } = useTranslation('admin');
  const { api } = useServices();
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [instructorId, setInstructorId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const instructors = users.filter((u) => u.role === 'instructor');
  const ids = { h: useId(), nh: useId(), n: useId(), i: useId() };

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setCreateError(null);
    setMessage(null);
    try {
      const body: CreateClassBody = { name: name.trim() };
      if (instructorId) body.instructorId = instructorId;
      const res = await api.classes.create({ body });
      setName('');
      setMessage(t('classes.created', { name: res.class.name }));
      setSelected(res.class.id);
      reload();
    } catch (err) {
      setCreateError(errorText(err));
    }
  }

  return (
    <section className="staff-card" aria-labelledby={ids.h}>
      <h2 id={ids.h}>{t('classes.title')}</h2>
      <FormError error={error} />
      {data && data.classes.length === 0 ? <p className="empty">{t('classes.none')}</p> : null}
      {data && data.classes.length > 0 ? (
        <div className="staff-table-wrap">
          <table className="staff-table compact">
            <caption className="sr-only">{t('classes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('classes.name')}</th>
                <th scope="col">{t('classes.instructor')}</th>
                <th scope="col" className="num">
                  {t('classes.students')}
                </th>
                <th scope="col">{t('classes.joinCode')}</th>
                <th scope="col">{t('classes.manage')}</th>
              </tr>
            </thead>
            <tbody>
              {data.classes.map((c) => (
                <tr key={c.id} aria-current={c.id === selected ? 'true' : undefined}>
                  <th scope="row">{c.name}</th>
                  <td>{ownerLabel(c, users, (name) => t('detail.adminOwned', { name }))}</td>
                  <td className="num">{c.studentCount}</td>
                  <td>
                    <code>{c.joinCode}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary small-button"
                      aria-expanded={c.id === selected}
                      aria-label={t('classes.manageClass', { name: c.name })}
                      onClick={() => setSelected(c.id === selected ? null : c.id)}
                    >
                      {t('classes.manage')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {selected ? (
        <ClassDetail
          key={selected}
          classId={selected}
          users={users}
          onChanged={reload}
          onClose={() => setSelected(null)}
        />
      ) : null}
      <form className="admin-form" aria-labelledby={ids.nh} onSubmit={(e) => void create(e)}>
        <h3 id={ids.nh}>{t('classes.newTitle')}</h3>
        <div className="admin-fields">
          <p className="field">
            <label htmlFor={ids.n}>{t('classes.newName')}</label>
            <input id={ids.n} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
          </p>
          <p className="field">
            <label htmlFor={ids.i}>{t('classes.newInstructor')}</label>
            <select id={ids.i} value={instructorId} onChange={(e) => setInstructorId(e.target.value)}>
              <option value="">{t('classes.noInstructor')}</option>
              {instructors.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}（{u.username}）
                </option>
              ))}
            </select>
          </p>
        </div>
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('classes.create')}
        </button>
        <FormError error={createError} />
        {message ? (
          <p className="good" role="status">
            {message}
          </p>
        ) : null}
      </form>
    </section>
  );
}

/** The class's instructor; a class nobody was assigned to belongs to the admin who created it. */
function ownerLabel(c: ClassView, users: UserView[], adminOwned: (name: string) => string): string {
  const owner = users.find((u) => u.id === c.ownerId);
  return owner?.role === 'admin' ? adminOwned(c.ownerName) : c.ownerName;
}

function ClassDetail(props: {
  classId: string;
  users: UserView[];
  onChanged: () => void;
  onClose: () => void;
}) {
  const { classId, users, onChanged, onClose } = props;
  const { t } = useTranslation('admin');
  const { api } = useServices();
  const go = useGo();
  const detail = useLoad(routes.classes.get, { params: { id: classId } });
  const [instructorId, setInstructorId] = useState('');
  const [addId, setAddId] = useState('');
  const [renewOpen, setRenewOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { h: useId(), i: useId(), a: useId(), tr: useId(), st: useId() };
  const cls = detail.data?.class;
  const members = detail.data?.members ?? [];
  const instructors = users.filter((u) => u.role === 'instructor');
  const memberIds = new Set(members.map((m) => m.userId));
  const addable = users.filter((u) => (u.role === 'trainer' || u.role === 'student') && !memberIds.has(u.id));

  async function run(action: () => Promise<string>) {
    setError(null);
    setStatus(null);
    try {
      setStatus(await action());
      detail.reload();
      onChanged();
    } catch (err) {
      setError(errorText(err));
    }
  }

  const changeInstructor = () =>
    run(async () => {
      const res = await api.classes.update({ params: { id: classId }, body: { instructorId } });
      setInstructorId('');
      return t('detail.instructorChanged', { name: res.class.name, instructor: res.class.ownerName });
    });
  const renew = async () => {
    const res = await api.classes.renewJoinCode({ params: { id: classId } });
    setRenewOpen(false);
    setStatus(t('detail.renewed', { code: res.class.joinCode }));
    detail.reload();
    onChanged();
  };
  const add = () =>
    run(async () => {
      const who = users.find((u) => u.id === addId);
      if (!who || (who.role !== 'trainer' && who.role !== 'student')) return '';
      await api.classes.addMember({
        params: { id: classId },
        body: {
          userId: who.id,
          role: who.role,
        },
      });
      setAddId('');
      return t('detail.added', { name: who.displayName });
    });
  const remove = (m: ClassMember) =>
    run(async () => {
      await api.classes.removeMember({ params: { id: classId, userId: m.userId } });
      return t('detail.removed', { name: m.displayName });
    });

  if (detail.error) {
    return <FormError error={detail.error} />;
  }
  if (!cls) return <p className="muted">{t('loading')}</p>;

  const memberList = (role: 'trainer' | 'student', headingId: string, empty: string) => {
    const list = members.filter((m) => m.role === role);
    return (
      <div>
        <h4 id={headingId}>
          {role === 'trainer' ? t('detail.trainers') : t('detail.students')}（{list.length}）
        </h4>
        {list.length === 0 ? <p className="muted">{empty}</p> : null}
        <ul className="member-list" aria-labelledby={headingId}>
          {list.map((m) => (
            <li key={m.userId}>
              <span>
                {m.displayName} <span className="muted">{m.username}</span>
              </span>
              <button
                type="button"
                className="secondary small-button"
                aria-label={t('detail.removeWho', { name: m.displayName })}
                onClick={() => void remove(m)}
              >
                {t('detail.remove')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  };

  return (
    <section className="class-detail" aria-labelledby={ids.h}>
      <header className="staff-page-head">
        <h3 id={ids.h}>{t('detail.title', { name: cls.name })}</h3>
        <button type="button" className="secondary small-button" onClick={onClose}>
          {t('detail.close')}
        </button>
      </header>
      {status ? (
        <p className="good" role="status">
          {status}
        </p>
      ) : null}
      <FormError error={error} />
      <div className="admin-fields">
        <p className="field">
          <label htmlFor={ids.i}>
            {t('detail.instructor')}：
            <strong>{ownerLabel(cls, users, (name) => t('detail.adminOwned', { name }))}</strong>
          </label>
          {instructors.length === 0 ? (
            <span className="muted">{t('detail.noInstructors')}</span>
          ) : (
            <span className="staff-actions">
              <select id={ids.i} value={instructorId} onChange={(e) => setInstructorId(e.target.value)}>
                <option value="">{t('detail.addPlaceholder')}</option>
                {instructors
                  .filter((u) => u.id !== cls.ownerId)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.displayName}（{u.username}）
                    </option>
                  ))}
              </select>
              <button
                type="button"
                className="secondary"
                disabled={!instructorId}
                onClick={() => void changeInstructor()}
              >
                {t('detail.changeInstructor')}
              </button>
            </span>
          )}
        </p>
        <p className="field">
          <span>
            {t('detail.joinCode')}：<code className="join-code">{cls.joinCode}</code>
          </span>
          <span>
            <button type="button" className="secondary" onClick={() => setRenewOpen(true)}>
              {t('detail.renew')}
            </button>
          </span>
        </p>
      </div>
      <p className="staff-actions">
        <button type="button" className="secondary" onClick={() => go({ page: 'import', classId })}>
          {t('detail.importList')}
        </button>
        <span className="muted">{t('detail.importHint')}</span>
      </p>
      <div className="staff-grid-2">
        {memberList('trainer', ids.tr, t('detail.noTrainers'))}
        {memberList('student', ids.st, t('detail.noStudents'))}
      </div>
      <div className="staff-actions">
        <label htmlFor={ids.a}>{t('detail.addWho')}</label>
        {addable.length === 0 ? (
          <span className="muted">{t('detail.nobodyToAdd')}</span>
        ) : (
          <>
            <select id={ids.a} value={addId} onChange={(e) => setAddId(e.target.value)}>
              <option value="">{t('detail.addPlaceholder')}</option>
              {(['trainer', 'student'] as const).map((role) => (
                <optgroup key={role} label={t(`role.${role}`)}>
                  {addable
                    .filter((u) => u.role === role)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.displayName}（{u.username}）
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <button type="button" className="primary" disabled={!addId} onClick={() => void add()}>
              {t('detail.addSubmit')}
            </button>
          </>
        )}
      </div>
      <ConfirmDialog
        open={renewOpen}
        title={t('detail.renewTitle')}
        message={t('detail.renewMessage', { code: cls.joinCode })}
        confirmLabel={t('detail.renewConfirm')}
        cancelLabel={t('resetDialog.cancel')}
        onConfirm={renew}
        onCancel={() => setRenewOpen(false)}
      />
    </section>
  );
}
