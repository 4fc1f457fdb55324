import "../ui/styles.css";
import { mount } from "../ui/mount.js";
import { DemoApp } from "./demo-app.js";

mount(<DemoApp />);
