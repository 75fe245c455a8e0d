export default function Studio() {
  return null;
}
