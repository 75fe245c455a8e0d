export default function StaffApp(_props: { path: string; onLogout: () => void }) {
  return null;
}
