import { Button, Result } from "antd";
import { Component, type ReactNode } from "react";

interface State {
  failed: boolean;
}

/** Keeps one broken page (or a chunk that failed to load) from blanking the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title="页面出错了"
        subTitle="页面未能正常显示，请刷新后重试。"
        extra={<Button onClick={() => window.location.reload()}>刷新页面</Button>}
      />
    );
  }
}
