import { Result } from "antd";
import { useLocation } from "../../router/hooks.ts";
import { routes } from "../../routes/registry.ts";

/** Navigation target for modules delivered in later versions (procurement, credit, reports). */
export default function ComingSoonPage() {
  const { path } = useLocation();
  const title = routes.find((r) => r.path === path)?.title ?? "此功能";
  return <Result status="info" title={title} subTitle="本功能在后续版本提供。" />;
}
