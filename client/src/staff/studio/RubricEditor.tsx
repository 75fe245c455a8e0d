export default function RubricEditor(_props: { classId: string }) {
  return null;
}
