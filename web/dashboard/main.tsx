import "../ui/styles.css";
import "../ui/styles/extras.css";
import "../console/console.css";
import "./dashboard.css";
import { mount } from "../ui/mount.js";
import { DashboardApp } from "./dashboard-app.js";

mount(<DashboardApp />);
