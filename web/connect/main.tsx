import "../ui/styles.css";
import { mount } from "../ui/mount.js";
import { ConnectApp } from "./connect-app.js";

// Embedded (iframe over the developer's app): dim the host page behind the card, like a dialog.
if (new URLSearchParams(window.location.search).get("app_type") === "spa") {
  document.documentElement.classList.add("embedded");
}

mount(<ConnectApp />);
