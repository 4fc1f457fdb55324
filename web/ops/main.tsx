import "../ui/styles.css";
import "../ui/styles/extras.css";
import "./ops.css";
import { mount } from "../ui/mount.js";
import { OpsApp } from "./ops-app.js";

mount(<OpsApp />);
